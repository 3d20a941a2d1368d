/** consulter: `GET /:app/:table/:id`, the record read-only, its portlet and its sub-forms. */
import type { Context } from 'hono';
import { getRecord } from '../../../records/index.ts';
import type { AppEnv } from '../../env.ts';
import { recordDocuments } from '../../documents/record-documents.tsx';
import { listUrl, objectFromRoute, recordCrumbs, recordTitle, renderScreen, requirePermission } from '../shared/index.ts';
import { subFormSection } from '../subform/tabs.tsx';
import { screenContext } from './context.ts';
import { objectLabel } from './permissions.ts';
import { Portlet, portletLinks } from './portlet.tsx';
import { returnOf } from './retour.ts';
import { RecordFacts, RecordSheet } from './sheet.tsx';
import { fieldsFor, staticContext } from './state.ts';

export async function viewPage(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requirePermission(context.actor, object, 'consulter');
  const record = await getRecord(context.deps, context.actor, object, c.req.param('id') ?? '');
  const retour = returnOf(c) ?? listUrl(object);
  const fields = fieldsFor(context, object, 'view');
  const sheetContext = await staticContext(context, object, fields, record);
  const title = recordTitle(object, record, context.locale);
  return renderScreen(c, {
    title: context.tr('form.titles.view', { object: objectLabel(object), record: title }),
    breadcrumb: recordCrumbs(object, record, context.locale),
    children: (
      <div class="page-enregistrement">
        <Portlet links={portletLinks(object, context.actor, record, context.locale, retour)} locale={context.locale} />
        <RecordSheet fields={fields} record={record} context={sheetContext} />
        <RecordFacts facts={(await object.override.facts?.({ db: context.runtime.db.kysely, actor: context.actor, record, locale: context.locale })) ?? []} />
        {await recordDocuments(context.runtime.db, context.actor, object, record, context.locale, context.runtime.config.smtp !== undefined)}
        {await subFormSection(c, object, record)}
      </div>
    ),
  });
}

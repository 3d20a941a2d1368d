/**
 * What every sub-form address names: the parent record (which the user must be able to consult;
 * another collectivité's is a 404), the sub-form, and the values the child's forms lock (the
 * parent's key, with its label for display).
 */
import type { Context } from 'hono';
import type { Row } from '../../../db/connection.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { getRecord, LABEL_SUFFIX } from '../../../records/index.ts';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../operations/index.ts';
import { screenContext, type ScreenContext } from '../form/index.ts';
import { objectFromRoute, recordTitle, requirePermission, subListUrl } from '../shared/index.ts';
import { subFormsOf, type SubForm } from './children.ts';
import { PANEL_ID } from './ids.ts';

export interface SubFormRequest {
  readonly context: ScreenContext;
  readonly parent: RegisteredObject;
  readonly parentRecord: Row;
  readonly subForm: SubForm;
  readonly child: RegisteredObject;
  /** The parent's key as the child's column holds it. */
  readonly parentKey: unknown;
  /** `{ <column>: parentKey, <column>__label: "12 Dupont" }`: locked in the child's forms. */
  readonly fixed: Row;
  /** A new child's starting values: the parent's collectivité (`{ om_collectivite: '3' }`), when both have one. */
  readonly defaults: Readonly<Record<string, string>>;
  /** `/:app/:parent/:id/sub/:child`. */
  readonly baseUrl: string;
  /** An htmx request into the record page's tab panel: answer with the panel's content only. */
  readonly fragment: boolean;
}

export async function subFormRequest(c: Context<AppEnv>): Promise<SubFormRequest> {
  const parent = objectFromRoute(c, 'parent');
  const context = screenContext(c);
  const slug = c.req.param('child') ?? '';
  const subForm = subFormsOf(context.runtime.registry, parent).find((candidate) => candidate.slug === slug);
  if (!subForm) throw HttpError.notFound();
  requirePermission(context.actor, subForm.child, 'tab');
  const parentRecord = await getRecord(context.deps, context.actor, parent, c.req.param('id') ?? '');
  const parentKey = parentRecord[subForm.parentColumn];
  if (parentKey === null || parentKey === undefined) throw HttpError.notFound();
  return {
    context,
    parent,
    parentRecord,
    subForm,
    child: subForm.child,
    parentKey,
    fixed: { [subForm.column]: parentKey, [`${subForm.column}${LABEL_SUFFIX}`]: recordTitle(parent, parentRecord, context.locale) },
    defaults: parentCollectivite(parent, parentRecord, subForm),
    baseUrl: subListUrl(parent, parentRecord[parent.meta.key ?? ''], subForm.child),
    fragment: c.req.header('HX-Request') === 'true' && c.req.header('HX-Target') === PANEL_ID,
  };
}

/**
 * A child takes its parent's collectivité by default (a niveau-2 user working in another one
 * would otherwise give it theirs), unless its collectivité is the sub-form's own key.
 */
function parentCollectivite(parent: RegisteredObject, parentRecord: Row, subForm: SubForm): Record<string, string> {
  const childColumn = subForm.child.meta.tenantColumn;
  const parentColumn = parent.meta.tenantColumn;
  if (!childColumn || !parentColumn || childColumn === subForm.column || childColumn === subForm.child.meta.key) return {};
  const value = parentRecord[parentColumn];
  return value === null || value === undefined ? {} : { [childColumn]: String(value) };
}

/** A child record of this parent, or a 404 (a child of another parent is not reached from here). */
export async function childRecord(request: SubFormRequest, rawKey: string): Promise<Row> {
  const { context, child, subForm } = request;
  const record = await getRecord(context.deps, context.actor, child, rawKey);
  if (String(record[subForm.column]) !== String(request.parentKey)) throw HttpError.notFound();
  return record;
}

export const childUrl = (request: SubFormRequest, key: unknown, suffix = '') => `${request.baseUrl}/${encodeURIComponent(String(key))}${suffix}`;

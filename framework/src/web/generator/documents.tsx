/**
 * The generator's document assistants on its screen: POST a table and a kind, the inactive
 * documents are written in the collectivité (niveau 2 for a niveau-2 user, else the user's own)
 * and the page lists them with links. The `gen` permission is checked by the caller.
 */
import type { Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import {
  ASSISTANT_KINDS,
  documentPath,
  niveau2Collectivite,
  writeAssistantDocuments,
  type AssistantKind,
  type WrittenDocument,
} from '../../documents/assistants/index.ts';
import { objetOf } from '../../documents/objet.ts';
import type { Translate } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';
import { renderScreen } from '../screens/shared/index.ts';
import { GENERATOR_PATHS } from './paths.ts';
import { DOCUMENT_FIELD, TABLE_FIELD } from './view.tsx';

const isKind = (value: string): value is AssistantKind => (ASSISTANT_KINDS as readonly string[]).includes(value);

function WrittenList(props: { tr: Translate; written: readonly WrittenDocument[] }) {
  const { tr } = props;
  return (
    <ul class="generateur-documents-ecrits">
      {props.written.map((document) => {
        const kind = tr(`generator.documents.kind_${document.kind}`);
        const text = document.status === 'created'
          ? tr('generator.documents.created', { kind, id: document.id, libelle: document.libelle })
          : tr('generator.documents.exists', { kind, id: document.id });
        return <li><a href={documentPath(document.kind, document.key)}>{text}</a></li>;
      })}
    </ul>
  );
}

export async function createDocuments(c: Context<AppEnv>, actor: Actor): Promise<Response> {
  const tr = translatorOf(c);
  const runtime = c.get('runtime');
  const target = c.req.param('app') ?? '';
  const body = await c.req.parseBody();
  const table = typeof body[TABLE_FIELD] === 'string' ? body[TABLE_FIELD] : '';
  const kind = typeof body[DOCUMENT_FIELD] === 'string' ? body[DOCUMENT_FIELD] : '';
  const object = runtime.registry.get(target, table);
  const back = <p><a href={GENERATOR_PATHS.app(target)}>{tr('generator.documents.back', { app: target })}</a></p>;
  const screen = (title: string, status: 400 | 200, messages: { kind: 'error' | 'success' | 'info'; text: string }[], children = back) =>
    renderScreen(c, {
      title,
      breadcrumb: [
        { label: tr('layout.rubriques.administration') },
        { label: tr('generator.index.title'), href: GENERATOR_PATHS.index },
        { label: target, href: GENERATOR_PATHS.app(target) },
      ],
      messages,
      status,
      children,
    });
  if (!object || object.meta.key === null) return screen(tr('generator.index.title'), 400, [{ kind: 'error', text: tr('generator.documents.unknownTable', { table }) }]);
  const title = tr('generator.documents.title', { objet: objetOf(object) });
  if (!isKind(kind)) return screen(title, 400, [{ kind: 'error', text: tr('generator.documents.unknownKind') }]);
  const collectivite = actor.niveau === '2' ? await niveau2Collectivite(runtime.db) : actor.workingCollectivite;
  if (collectivite === undefined) return screen(title, 400, [{ kind: 'error', text: tr('generator.documents.noCollectivite') }]);

  const written = await writeAssistantDocuments(runtime.db, runtime.registry, object, [kind], collectivite);
  runtime.logger.info({ user: actor.login, objet: objetOf(object), documents: written }, 'générateur : documents écrits');
  if (written.length === 0) return screen(title, 200, [{ kind: 'info', text: tr('generator.documents.none', { objet: objetOf(object) }) }]);
  return screen(title, 200, [{ kind: 'success', text: tr('generator.documents.written') }], (
    <>
      <WrittenList tr={tr} written={written} />
      {back}
    </>
  ));
}

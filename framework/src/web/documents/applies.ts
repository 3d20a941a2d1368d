/**
 * Whether a document applies to one record (the object's `documents.available`, see
 * model/override.ts): the consult page offers only those, and printing or mailing another one is
 * refused with a 409 in French, the record unchanged.
 */
import type { Row } from '../../db/connection.ts';
import { printableDocument, type RenderRuntime } from '../../documents/render/index.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { Actor } from '../../access/actor.ts';
import type { DocumentRef } from '../../model/override.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { HttpError } from '../operations/index.ts';
import { documentApplies } from '../../documents/applies.ts';

export { documentApplies };

/** Refuses (409 `document_unavailable`) a document that does not apply; an unknown one stays a 404. */
export async function ensureDocumentApplies(
  runtime: RenderRuntime,
  request: { readonly actor: Actor; readonly locale: Locale; readonly object: RegisteredObject; readonly record: Row; readonly document: DocumentRef },
): Promise<void> {
  const { object, record, document, locale } = request;
  if (documentApplies(object, record, document)) return;
  const definition = await printableDocument(runtime, { actor: request.actor, locale, kind: document.kind, id: document.id, objet: `${object.app}.${object.name}` });
  const message =
    object.override.documents?.unavailableMessage?.(record, document, locale) ?? t('documents.print.notApplicable', { document: definition.libelle }, locale);
  throw HttpError.conflict(message, 'document_unavailable');
}

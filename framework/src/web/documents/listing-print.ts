/**
 * The listing's « Imprimer » links: one per active état or lettre type attached to its object,
 * each printing every record of the current search (same query as the CSV export), for a user who
 * may consult the records and print (`edition`).
 */
import type { Actor } from '../../access/actor.ts';
import { can, holds } from '../../access/permissions.ts';
import type { Database } from '../../db/connection.ts';
import { documentsOf, type DocumentKind } from '../../documents/render/definition.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';

export interface PrintLink {
  readonly kind: DocumentKind;
  readonly libelle: string;
  readonly href: string;
}

export async function listingPrintLinks(db: Database, actor: Actor, object: RegisteredObject, search: URLSearchParams): Promise<PrintLink[]> {
  if (!can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) return [];
  const documents = await documentsOf(db, actor, `${object.app}.${object.name}`);
  const query = search.toString();
  return documents.map((document) => ({
    kind: document.kind,
    libelle: document.libelle,
    href: `/${object.app}/${object.name}/pdf/${document.kind}/${encodeURIComponent(document.id)}${query === '' ? '' : `?${query}`}`,
  }));
}

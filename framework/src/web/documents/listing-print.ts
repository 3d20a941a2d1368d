/**
 * The listing's « Imprimer » links: one per active état or lettre type attached to its object, and
 * its « Étiquettes » links, one per active label sheet; each prints every record of the current search (same query as the CSV export), for a user who
 * may consult the records and print (`edition`).
 */
import type { Actor } from '../../access/actor.ts';
import { can, holds } from '../../access/permissions.ts';
import type { Database } from '../../db/connection.ts';
import { labelSheetsOf } from '../../documents/labels/index.ts';
import { documentsOf, type DocumentKind } from '../../documents/render/definition.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';

export interface PrintLink {
  /** `etiquettes`: a label sheet (one label per record), beside the documents (one per record). */
  readonly kind: DocumentKind | 'etiquettes';
  readonly libelle: string;
  readonly href: string;
  /** A label sheet's labels per sheet: the listing offers to start further on a used sheet. */
  readonly places?: number;
  /** The search the link carries, as fields of that form. */
  readonly search?: readonly (readonly [string, string])[];
}

export async function listingPrintLinks(db: Database, actor: Actor, object: RegisteredObject, search: URLSearchParams): Promise<PrintLink[]> {
  if (!can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) return [];
  const objet = `${object.app}.${object.name}`;
  const query = search.toString();
  const link = (kind: PrintLink['kind'], document: { id: string; libelle: string }): PrintLink => ({
    kind,
    libelle: document.libelle,
    href: `/${object.app}/${object.name}/pdf/${kind}/${encodeURIComponent(document.id)}${query === '' ? '' : `?${query}`}`,
  });
  return [
    ...(await documentsOf(db, actor, objet)).map((document) => link(document.kind, document)),
    ...(await labelSheetsOf(db, actor, objet)).map((sheet) => ({ ...link('etiquettes', sheet), places: sheet.places, search: [...search.entries()] })),
  ];
}

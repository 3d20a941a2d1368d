/**
 * Which documents print a movement: the refusal letter (`refus_mouvement`) only for a refused one,
 * including once transmitted or archived after its refusal (the motif is kept, and « Accepter »
 * clears it: a movement with a motif was refused). Every other document applies to all.
 */
import type { Row } from '../../../../framework/src/db/index.ts';
import type { DocumentRef, DocumentsDeclaration } from '../../../../framework/src/model/override.ts';
import { etatOf } from './categorie.ts';
import { message } from './messages.ts';

export const LETTRE_REFUS = 'refus_mouvement';

const hasMotif = (record: Row): boolean => typeof record.motif_refus === 'string' && record.motif_refus.trim() !== '';

/** Refused, or decided after a refusal (transmitted, archived). */
export function wasRefused(record: Row): boolean {
  const etat = etatOf(record);
  return etat === 'refuse' || ((etat === 'transmis' || etat === 'archive') && hasMotif(record));
}

const isLettreRefus = (document: DocumentRef) => document.kind === 'lettretype' && document.id === LETTRE_REFUS;

export const mouvementDocuments: DocumentsDeclaration = {
  available: (record, document) => !isLettreRefus(document) || wasRefused(record),
  unavailableMessage: (_record, document, locale) => (isLettreRefus(document) ? message('lettreRefusIndisponible', locale) : undefined),
};

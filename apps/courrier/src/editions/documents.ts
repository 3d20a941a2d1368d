/**
 * Which documents print a mail: the « Accusé de réception » (lettre type `courrier_accuse_reception`)
 * only for an arrival — a departure is the town's own letter, nobody acknowledges it. Every other
 * document (the « Récapitulatif du courrier ») applies to both registers.
 */
import type { DocumentRef, DocumentsDeclaration } from '../../../../framework/src/model/override.ts';

export const LETTRE_ACCUSE_RECEPTION = 'courrier_accuse_reception';
export const ETAT_RECAPITULATIF = 'courrier_recapitulatif';

export const ACCUSE_RECEPTION_INDISPONIBLE = 'L’accusé de réception ne s’imprime que pour un courrier arrivé.';

const estAccuseReception = (document: DocumentRef) => document.kind === 'lettretype' && document.id === LETTRE_ACCUSE_RECEPTION;

export const courrierDocuments: DocumentsDeclaration = {
  available: (record, document) => !estAccuseReception(document) || record.registre === 'arrivee',
  unavailableMessage: (_record, document) => (estAccuseReception(document) ? ACCUSE_RECEPTION_INDISPONIBLE : undefined),
};

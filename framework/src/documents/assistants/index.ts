/** The generator's document assistants: « Créer un état », « Créer les sous-états », « Créer une lettre type ». */
export { draftsOf, etatDraft, lettreTypeDraft, recordSource, sousEtatDrafts, type AssistantKind, type DocumentDraft } from './drafts.ts';
export { collectiviteExists, niveau2Collectivite, writeAssistantDocuments, type WrittenDocument } from './write.ts';

export const ASSISTANT_KINDS = ['etat', 'sousetat', 'lettretype'] as const;

/** The consult page of a written document. */
export const documentPath = (kind: (typeof ASSISTANT_KINDS)[number], key: number) => `/om/om_${kind}/${key}`;

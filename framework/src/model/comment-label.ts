/**
 * A label taken from a table's or a column's comment (`comment on column … is 'Véhicule attribué'`),
 * when the comment reads like one: the schema's author already wrote how users say it. A comment
 * that is a description (a sentence, an explanation in brackets, a list) is no label: the name's
 * label is kept.
 */

/** Beyond this, a comment describes rather than names. */
export const COMMENT_LABEL_MAX_LENGTH = 40;
export const COMMENT_LABEL_MAX_WORDS = 6;

/** Punctuation of a sentence or an explanation, never of a label. */
const SENTENCE_PUNCTUATION = /[.,;:!?()[\]{}«»"“”…\n\r\t]/;

function asLabel(text: string): string | undefined {
  const candidate = text.trim().replace(/\.$/, '').trim();
  if (candidate === '' || candidate.length > COMMENT_LABEL_MAX_LENGTH || SENTENCE_PUNCTUATION.test(candidate)) return undefined;
  if (candidate.split(/\s+/).length > COMMENT_LABEL_MAX_WORDS) return undefined;
  // The typographic apostrophe, as in the labels made from names (« Date d’effet »).
  const typographic = candidate.replace(/'/g, '’');
  return typographic.charAt(0).toLocaleUpperCase('fr') + typographic.slice(1);
}

/**
 * « Véhicule attribué. » → « Véhicule attribué » ; « Statut : brouillon, validé ou archivé. » →
 * « Statut » (the part before « : » is the label, the rest its explanation) ; « Date de la
 * prochaine revue par le délégué à la protection des données. » → nothing (too long).
 */
export function commentLabel(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  // A colon followed by a space (not `http://`) separates the label from its explanation.
  const colon = comment.search(/:\s/);
  return colon > 0 ? asLabel(comment.slice(0, colon)) : asLabel(comment);
}

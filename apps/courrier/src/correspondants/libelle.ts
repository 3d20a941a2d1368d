/** How a correspondent is named in choices and messages: « DURAND Jean, 3 rue des Lilas, 97100 Libreville ». */
import type { Row } from '../../../../framework/src/db/connection.ts';

const texte = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

export function libelleCorrespondant(row: Row): string {
  const nom = [texte(row['nom']), texte(row['prenom'])].filter(Boolean).join(' ');
  const ville = [texte(row['cp']), texte(row['ville'])].filter(Boolean).join(' ');
  return [nom, texte(row['organisme']) && texte(row['organisme']) !== texte(row['nom']) ? texte(row['organisme']) : '', texte(row['adresse1']), ville]
    .filter(Boolean)
    .join(', ');
}

/**
 * A correspondent (sender or addressee): de-duplicated by name, first name, address and postal
 * code ignoring accents and case (refused with the existing one named); its page shows its mails,
 * its archived mails and a link to its whole history (src/correspondants).
 */
import type { FieldErrors, ObjectOverride } from '../../../../framework/src/model/override.ts';
import { historiqueLink } from '../correspondants/lien.ts';
import { doublonDe } from '../correspondants/doublon.ts';
import { libelleCorrespondant } from '../correspondants/libelle.ts';
import { MESSAGES } from '../enregistrement/messages.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from './menu.ts';

const texte = (value: unknown): string | null => (value === null || value === undefined || String(value).trim() === '' ? null : String(value).trim());

export const correspondant: ObjectOverride = {
  choiceLabel: libelleCorrespondant,
  searchColumns: ['nom', 'prenom', 'organisme', 'ville', 'courriel'],
  defaultSort: ['nom', 'prenom'],
  validate: async ({ trx, values, previous, action }): Promise<FieldErrors> => {
    if (action === 'delete') return {};
    const merged = { ...(previous ?? {}), ...values };
    const identiteChange = action === 'create' || ['nom', 'prenom', 'adresse1', 'cp'].some((name) => Object.hasOwn(values, name));
    const nom = texte(merged['nom']);
    if (!identiteChange || nom === null) return {};
    const doublon = await doublonDe(
      trx,
      { nom, prenom: texte(merged['prenom']), adresse1: texte(merged['adresse1']), cp: texte(merged['cp']) },
      Number(merged['om_collectivite']),
      previous ? Number(previous['correspondant']) : undefined,
    );
    return doublon ? { nom: MESSAGES.doublon(doublon.libelle) } : {};
  },
  links: [historiqueLink],
  screens: {
    menu: applicationMenu(RUBRIQUES_COURRIER.correspondants, 1, 'Correspondants'),
    listColumns: ['nom', 'prenom', 'organisme', 'adresse1', 'cp', 'ville', 'correspondant_type', 'frequent'],
    advancedSearch: [{ field: 'nom' }, { field: 'prenom' }, { field: 'organisme' }, { field: 'ville' }, { field: 'correspondant_type' }, { field: 'frequent' }],
    formLayout: [
      { legend: 'Identité', fields: ['civilite', 'nom', 'prenom', 'organisme', 'correspondant_type'], columns: 2 },
      { legend: 'Adresse', fields: ['adresse1', 'adresse2', 'cp', 'ville'], columns: 2 },
      { legend: 'Contact', fields: ['courriel', 'telephone'], columns: 2 },
      { legend: 'Suivi', fields: ['frequent', 'observation', 'cle_doublon'] },
    ],
    subForms: { order: ['courrier', 'courrier_archive'], titles: { courrier: 'Courriers', courrier_archive: 'Courriers archivés' } },
    help: { frequent: 'Un correspondant fréquent est proposé à l’enregistrement d’un courrier.' },
  },
};

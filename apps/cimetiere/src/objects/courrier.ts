/**
 * A courrier of an emplacement (cimetiere.md §2.5, §3.5): a lettre type of the cimetière, a
 * destinataire among the emplacement's concessionnaires and ayants droit, a complément merged into
 * the letter; printed as PDF from its page (« Imprimer le courrier »). The operations' automatic
 * letters are courriers too (« Préparer les courriers »).
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../../framework/src/access/actor.ts';
import type { Row } from '../../../../framework/src/db/connection.ts';
import { readAs } from '../../../../framework/src/db/tenant-context.ts';
import type { Choice, ChoicesContext, FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { LETTRE_AUTORISATION, LETTRE_INFORMATION } from '../operations/courriers.ts';

const OBJET = 'cimetiere.courrier';
const LETTRES_LIVREES = new Set([...Object.values(LETTRE_AUTORISATION), LETTRE_INFORMATION, 'cimetiere_courrier']);

/** The active lettres types of the courrier object: the collectivité's and the niveau-2 ones (which serve every town). */
async function lettresTypes(context: ChoicesContext): Promise<readonly Choice[]> {
  const rows = await readAs(context.db, SYSTEM_ACTOR, async (db) =>
    (
      await sql<{ id: string; libelle: string }>`select distinct on (l.id) l.id, l.libelle from om.om_lettretype l
          join om.om_collectivite c on c.om_collectivite = l.om_collectivite
         where l.objet = ${OBJET} and l.actif and (l.om_collectivite = ${context.actor.workingCollectivite} or c.niveau = '2')
         order by l.id, (l.om_collectivite = ${context.actor.workingCollectivite}) desc`.execute(db)
    ).rows,
  );
  return rows.map((row) => ({ value: row.id, label: row.libelle })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

async function lettreConnue(context: WriteContext, id: string): Promise<boolean> {
  if (LETTRES_LIVREES.has(id)) return true;
  const found = await sql`select 1 from om.om_lettretype where id = ${id} and objet = ${OBJET}`.execute(context.trx);
  return found.rows.length > 0;
}

async function validateCourrier(context: WriteContext): Promise<FieldErrors> {
  if (context.action === 'delete') return {};
  const merged: Row = { ...context.previous, ...context.values };
  const errors: FieldErrors = {};
  const lettre = String(merged.lettre_type ?? '');
  if (lettre !== '' && !(await lettreConnue(context, lettre))) errors.lettre_type = 'Choisissez une lettre type du cimetière dans la liste.';
  if (merged.autorisation !== null && merged.autorisation !== undefined) {
    const found = await sql`select 1 from cimetiere.autorisation where autorisation = ${Number(merged.autorisation)} and emplacement = ${Number(merged.emplacement)}`.execute(context.trx);
    if (found.rows.length === 0) errors.autorisation = 'Le destinataire n’est pas un concessionnaire ou un ayant droit de cet emplacement.';
  }
  if (merged.operation !== null && merged.operation !== undefined) {
    const found = await sql`select 1 from cimetiere.operation where operation = ${Number(merged.operation)}
        and (emplacement = ${Number(merged.emplacement)} or emplacement_transfert = ${Number(merged.emplacement)})`.execute(context.trx);
    if (found.rows.length === 0) errors.operation = 'Cette opération ne concerne pas cet emplacement.';
  }
  return errors;
}

export const courrier: ObjectOverride = {
  defaultSort: ['-date_courrier', '-courrier'],
  validate: validateCourrier,
  links: [
    {
      label: 'Imprimer le courrier',
      href: (record) => `/cimetiere/courrier/${String(record.courrier)}/pdf/lettretype/${encodeURIComponent(String(record.lettre_type))}`,
      permissions: ['edition'],
      order: 10,
    },
  ],
  documents: {
    available: (record, document) => document.kind !== 'lettretype' || document.id === record.lettre_type,
    unavailableMessage: () => 'Ce courrier s’imprime avec sa propre lettre type.',
  },
  screens: {
    menu: false,
    dynamicChoices: { lettre_type: lettresTypes },
    formLayout: [
      { legend: 'Courrier', fields: ['emplacement', 'lettre_type', 'autorisation', 'date_courrier', 'operation'], columns: 2 },
      { legend: 'Complément (repris dans la lettre)', fields: ['complement'] },
      { legend: 'Courrier produit', fields: ['fichier'] },
    ],
    widgets: { complement: 'textarea' },
    help: {
      autorisation: 'Un concessionnaire ou un ayant droit de l’emplacement.',
      complement: 'Texte libre repris dans la lettre, à l’endroit prévu par la lettre type.',
    },
  },
};

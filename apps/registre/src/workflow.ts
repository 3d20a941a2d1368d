/** The life of a processing activity in the register: brouillon → valide → archive. */
import { sql } from 'kysely';
import type { CustomAction, ActionContext, ActionResult } from '../../../framework/src/model/override.ts';
import { Veto } from '../../../framework/src/model/override.ts';
import type { Locale } from '../../../framework/src/i18n/index.ts';
import { message } from './messages.ts';

export const STATUTS = ['brouillon', 'valide', 'archive'] as const;
export type Statut = (typeof STATUTS)[number];

const STATUT_MESSAGES = { brouillon: 'statutBrouillon', valide: 'statutValide', archive: 'statutArchive' } as const;

export const statutLabel = (statut: Statut, locale: Locale | undefined): string => message(STATUT_MESSAGES[statut], locale);

async function setStatut(context: ActionContext, statut: Statut): Promise<void> {
  const { table, trx, record } = context;
  const key = table.key ?? table.name;
  await sql`update ${sql.table(`${table.schema}.${table.name}`)} set statut = ${statut} where ${sql.ref(key)} = ${record[key]}`.execute(trx);
}

const libelleOf = (context: ActionContext) => String(context.record.libelle ?? '');

/** The DPO approves a draft; a sensitive-data activity needs its AIPD date first. */
export const validerAction: CustomAction = {
  label: message('valider', 'fr'),
  permissionSuffix: 'valider',
  order: 10,
  inListing: true,
  condition: (record) => record.statut === 'brouillon',
  async run(context): Promise<ActionResult> {
    const { record, locale } = context;
    const aipd = record.date_aipd;
    if (record.donnees_sensibles === true && (aipd === null || aipd === undefined || aipd === '')) {
      throw new Veto(message('aipdAvantValidation', locale), { date_aipd: message('aipdRequise', locale) });
    }
    await setStatut(context, 'valide');
    return { message: message('valide', locale, { libelle: libelleOf(context) }) };
  },
};

/** An activity that has ended stays in the register, archived. */
export const archiverAction: CustomAction = {
  label: message('archiver', 'fr'),
  permissionSuffix: 'archiver',
  order: 20,
  condition: (record) => record.statut === 'valide',
  async run(context): Promise<ActionResult> {
    await setStatut(context, 'archive');
    return { message: message('archive', context.locale, { libelle: libelleOf(context) }) };
  },
};

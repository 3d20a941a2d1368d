/**
 * A copy of a mail (diffusion): to a service that receives copies, or to an élu when the parameter
 * option_elu allows it; never to the processing service itself; once per service or élu.
 */
import { sql } from 'kysely';
import { Veto, type FieldErrors, type ObjectOverride, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import { parametresCourrier } from '../core/parametres.ts';

export const MESSAGES_COPIE = {
  serviceOuElu: 'Choisissez le service ou l’élu qui reçoit la copie, un seul des deux.',
  sansDiffusion: (service: string) => `Le service « ${service} » ne reçoit pas de copies.`,
  serviceDeTraitement: 'Le service de traitement a déjà ce courrier : il ne reçoit pas de copie.',
  eluNonUtilise: 'Les copies aux élus ne sont pas utilisées dans cette collectivité (paramètre option_elu).',
  dejaService: 'Ce service a déjà une copie de ce courrier.',
  dejaElu: 'Cet élu a déjà une copie de ce courrier.',
} as const;

const present = (value: unknown) => value !== null && value !== undefined;

async function reglesDeLaCopie({ trx, action, values, previous }: WriteContext): Promise<FieldErrors> {
  if (action === 'delete') return {};
  const row = { ...(previous ?? {}), ...values };
  if (present(row['service']) === present(row['elu'])) return { service: MESSAGES_COPIE.serviceOuElu };
  const courrier = Number(row['courrier']);
  if (present(row['service'])) {
    const service = Number(row['service']);
    const { rows } = await sql<{ libelle: string; diffusion: boolean; traitement: boolean }>`
      select s.libelle, s.diffusion,
             exists (select from courrier.courrier c where c.courrier = ${courrier} and c.service = s.service) as traitement
        from courrier.service s where s.service = ${service}`.execute(trx);
    const trouve = rows[0];
    if (!trouve) return {};
    if (trouve.traitement) return { service: MESSAGES_COPIE.serviceDeTraitement };
    if (!trouve.diffusion) return { service: MESSAGES_COPIE.sansDiffusion(trouve.libelle) };
    return {};
  }
  const parametres = await parametresCourrier(trx, Number(row['om_collectivite']));
  return parametres.optionElu ? {} : { elu: MESSAGES_COPIE.eluNonUtilise };
}

/** Before the generic uniqueness check (whose message names the columns): a copy already there, in words. */
async function copieDejaLa({ trx, values, previous }: PrepareContext): Promise<void> {
  const row = { ...(previous ?? {}), ...values };
  const courrier = Number(row['courrier']);
  const copie = present(row['copie']) ? Number(row['copie']) : 0;
  if (!Number.isSafeInteger(courrier)) return;
  for (const [champ, message] of [['service', MESSAGES_COPIE.dejaService], ['elu', MESSAGES_COPIE.dejaElu]] as const) {
    const valeur = row[champ];
    if (!present(valeur) || !Number.isSafeInteger(Number(valeur))) continue;
    const { rows } = await sql`select 1 from courrier.copie where courrier = ${courrier} and ${sql.ref(champ)} = ${Number(valeur)} and copie <> ${copie}`.execute(trx);
    if (rows.length > 0) throw new Veto(message, { [champ]: message });
  }
}

export const copie: ObjectOverride = {
  prepare: copieDejaLa,
  validate: reglesDeLaCopie,
  screens: {
    menu: false,
    formLayout: [{ legend: 'Copie', fields: ['courrier', 'service', 'elu'] }],
    help: { service: 'Un service qui reçoit des copies, autre que le service de traitement.', elu: 'Si les copies aux élus sont utilisées (paramètre option_elu).' },
  },
};

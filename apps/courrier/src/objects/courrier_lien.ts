/** A link between two mails the user sees: not a mail with itself, once whichever the direction. */
import { sql } from 'kysely';
import { Veto, type ObjectOverride, type PrepareContext } from '../../../../framework/src/model/override.ts';

export const MESSAGES_LIEN = {
  luiMeme: 'Un courrier ne peut pas être lié à lui-même.',
  deja: 'Ces deux courriers sont déjà liés.',
} as const;

const refus = (message: string) => new Veto(message, { courrier_lie: message });

/** Before the generic checks (whose messages name the constraint's columns): the link's rules, in words. */
async function reglesDuLien({ trx, values, previous }: PrepareContext): Promise<void> {
  const row = { ...(previous ?? {}), ...values };
  const a = Number(row['courrier']);
  const b = Number(row['courrier_lie']);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || row['courrier'] === null || row['courrier_lie'] === null) return;
  if (a === b) throw refus(MESSAGES_LIEN.luiMeme);
  const lien = row['courrier_lien'] === null || row['courrier_lien'] === undefined ? 0 : Number(row['courrier_lien']);
  const { rows } = await sql`
    select 1 from courrier.courrier_lien
     where ((courrier = ${a} and courrier_lie = ${b}) or (courrier = ${b} and courrier_lie = ${a})) and courrier_lien <> ${lien}`.execute(trx);
  if (rows.length > 0) throw refus(MESSAGES_LIEN.deja);
}

export const courrierLien: ObjectOverride = {
  prepare: reglesDuLien,
  screens: {
    menu: false,
    widgets: { courrier_lie: 'autocomplete' },
    labels: { courrier_lie: 'Courrier lié' },
    help: { courrier_lie: 'Tapez le numéro ou un mot de l’objet du courrier à lier.' },
  },
};

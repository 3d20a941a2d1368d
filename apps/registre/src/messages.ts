/**
 * The register's own messages (actions, rules, widgets), French first. Labels of fields and menus
 * are plain French data in the override modules, as the generated labels are.
 */
import type { Locale } from '../../../framework/src/i18n/index.ts';

const fr = {
  statutBrouillon: 'Brouillon',
  statutValide: 'Validé',
  statutArchive: 'Archivé',
  valider: 'Valider',
  archiver: 'Archiver',
  valide: 'Le traitement « {libelle} » a été validé.',
  archive: 'Le traitement « {libelle} » a été archivé.',
  aipdRequise: 'Un traitement de données sensibles doit avoir une date d’analyse d’impact (AIPD).',
  aipdAvantValidation:
    'Ce traitement porte sur des données sensibles : saisissez la date de son analyse d’impact (AIPD) avant de le valider.',
  widgetStatuts: 'Registre : traitements par statut',
  widgetStatutsTitre: 'Nombre de traitements du registre par statut',
  widgetStatutsSerie: 'Traitements',
  widgetRevues: 'Registre : revues DPO à faire',
  widgetRevueLe: 'revue prévue le {date}',
  widgetRevuesTout: 'Voir tout le registre',
} as const;

type Messages = { readonly [K in keyof typeof fr]: string };

const en: Messages = {
  statutBrouillon: 'Draft',
  statutValide: 'Approved',
  statutArchive: 'Archived',
  valider: 'Approve',
  archiver: 'Archive',
  valide: 'The processing activity “{libelle}” has been approved.',
  archive: 'The processing activity “{libelle}” has been archived.',
  aipdRequise: 'A processing activity of sensitive data must have a data protection impact assessment (DPIA) date.',
  aipdAvantValidation: 'This processing activity involves sensitive data: enter the date of its impact assessment (DPIA) before approving it.',
  widgetStatuts: 'Register: processing activities by status',
  widgetStatutsTitre: 'Number of processing activities in the register by status',
  widgetStatutsSerie: 'Processing activities',
  widgetRevues: 'Register: DPO reviews due',
  widgetRevueLe: 'review due on {date}',
  widgetRevuesTout: 'See the whole register',
};

export type MessageKey = keyof typeof fr;

/** The message in the user's language (French when the language is not translated). */
export function message(key: MessageKey, locale: Locale | undefined, params: Readonly<Record<string, string>> = {}): string {
  const text = locale === 'en' ? en[key] : fr[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

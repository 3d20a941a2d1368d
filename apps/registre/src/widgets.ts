/**
 * The register's dashboard widgets (placed by the migration on the profiles' dashboards):
 * the activities by status as a chart, and the DPO reviews due within a month.
 */
import { sql } from 'kysely';
import { objectPermission } from '../../../framework/src/access/permissions.ts';
import type { ServerWidget } from '../../../framework/src/model/extensions.ts';
import { listUrl, recordUrl } from '../../../framework/src/web/screens/shared/urls.ts';
import { message } from './messages.ts';
import { STATUTS, statutLabel } from './workflow.ts';

export const REGISTRE_WIDGETS = {
  statuts: 'registre.traitements_par_statut',
  revues: 'registre.revues_dpo',
} as const;

const TRAITEMENT = { app: 'registre', name: 'traitement' } as const;
const READERS = [objectPermission(TRAITEMENT), objectPermission(TRAITEMENT, 'tab')];
/** Reviews due within this many days (and late ones) are listed. */
const REVIEW_HORIZON_DAYS = 30;
const REVIEWS_SHOWN = 5;

export const statutsWidget: ServerWidget = {
  id: REGISTRE_WIDGETS.statuts,
  label: message('widgetStatuts', 'fr'),
  permissions: READERS,
  async render({ read, locale }) {
    const rows = await read(
      async (db) => (await sql<{ statut: string; nombre: number | string }>`
        select statut, count(*) as nombre from registre.traitement group by statut`.execute(db)).rows,
    );
    const counts = new Map(rows.map((row) => [row.statut, Number(row.nombre)]));
    if (rows.length === 0) return { kind: 'empty' };
    return {
      kind: 'chart',
      chart: 'bar',
      title: message('widgetStatutsTitre', locale),
      labels: STATUTS.map((statut) => statutLabel(statut, locale)),
      series: [{ label: message('widgetStatutsSerie', locale), values: STATUTS.map((statut) => counts.get(statut) ?? 0) }],
    };
  },
};

function frenchDate(value: unknown, locale: string): string {
  const date = value instanceof Date ? value : new Date(`${String(value)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString(locale === 'fr' ? 'fr-FR' : locale, { timeZone: 'UTC' });
}

export const revuesWidget: ServerWidget = {
  id: REGISTRE_WIDGETS.revues,
  label: message('widgetRevues', 'fr'),
  permissions: READERS,
  async render({ read, locale }) {
    const rows = await read(
      async (db) => (await sql<{ traitement: number; libelle: string; date_revue_dpo: unknown }>`
        select traitement, libelle, date_revue_dpo from registre.traitement
         where statut <> 'archive' and date_revue_dpo <= current_date + ${REVIEW_HORIZON_DAYS}::integer
         order by date_revue_dpo, libelle limit ${REVIEWS_SHOWN}`.execute(db)).rows,
    );
    if (rows.length === 0) return { kind: 'empty' };
    return {
      kind: 'list',
      items: rows.map((row) => ({
        label: row.libelle,
        href: recordUrl(TRAITEMENT, row.traitement),
        detail: message('widgetRevueLe', locale, { date: frenchDate(row.date_revue_dpo, locale) }),
      })),
      more: { label: message('widgetRevuesTout', locale), href: listUrl(TRAITEMENT, 'sort=date_revue_dpo') },
    };
  },
};

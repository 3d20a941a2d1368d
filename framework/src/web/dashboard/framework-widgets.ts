/**
 * The framework's own server widgets, to place on any profile's dashboard (`om_widget` of type
 * `file`, `lien` = the id): « Mes informations », « Activité récente » and the chart
 * « Modifications des 7 derniers jours » (both from the audit log, for those who may list it),
 * and the composer's menu entry. Called once at start-up, after the framework's objects.
 */
import { sql } from 'kysely';
import { holds } from '../../access/permissions.ts';
import { t, translator, type Locale } from '../../i18n/index.ts';
import type { ServerWidget } from '../../model/extensions.ts';
import type { Registry } from '../../model/registry.ts';
import { listUrl, recordUrl } from '../screens/shared/urls.ts';
import { COMPOSER_PATH } from './composer/paths.ts';

export const FRAMEWORK_WIDGETS = {
  info: 'om.mes_informations',
  activity: 'om.activite_recente',
  changes: 'om.modifications_7_jours',
} as const;

const AUDIT_PERMISSION = 'om_audit_tab';
const RECENT_ENTRIES = 5;
const DAYS = 7;
import { TIME_ZONE } from '../../config/time-zone.ts';
import { dateTime } from '../screens/shared/format.ts';

const infoWidget: ServerWidget = {
  id: FRAMEWORK_WIDGETS.info,
  label: t('dashboard.framework.info.label'),
  async render({ actor, read, locale }) {
    const tr = translator(locale);
    const rows = await read(
      async (db) => (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${actor.workingCollectivite}`.execute(db)).rows,
    );
    return {
      kind: 'list',
      items: [
        { label: tr('dashboard.framework.info.login', { login: actor.login }) },
        { label: tr('dashboard.framework.info.nom', { nom: actor.nom }) },
        { label: tr('dashboard.framework.info.profil', { profil: actor.profileLabel }) },
        { label: tr('dashboard.framework.info.collectivite', { collectivite: rows[0]?.libelle ?? String(actor.workingCollectivite) }) },
        ...(holds(actor, 'password') ? [{ label: tr('dashboard.framework.info.password'), href: '/password' }] : []),
      ],
    };
  },
};


function activityWidget(registry: Registry): ServerWidget {
  const actionLabel = (action: string, locale: Locale) => {
    const tr = translator(locale);
    if (action === 'create') return tr('dashboard.framework.activity.create');
    if (action === 'update') return tr('dashboard.framework.activity.update');
    if (action === 'delete') return tr('dashboard.framework.activity.delete');
    return action;
  };
  return {
    id: FRAMEWORK_WIDGETS.activity,
    label: t('dashboard.framework.activity.label'),
    permissions: [AUDIT_PERMISSION],
    async render({ read, locale }) {
      const tr = translator(locale);
      const rows = await read(
        async (db) =>
          (
            await sql<{ horodatage: unknown; login: string | null; application: string; objet: string; cle: string | null; action: string }>`
              select horodatage, login, application, objet, cle, action from om.om_audit
              order by horodatage desc, om_audit desc limit ${RECENT_ENTRIES}`.execute(db)
          ).rows,
      );
      const audit = registry.get('om', 'om_audit');
      return {
        kind: 'list',
        items: rows.map((row) => {
          const object = registry.get(row.application, row.objet);
          const linked = object && row.cle !== null && row.action !== 'delete' && object.meta.key;
          return {
            label: tr('dashboard.framework.activity.item', { action: actionLabel(row.action, locale), objet: object?.meta.label ?? row.objet, cle: row.cle ?? '' }).trim(),
            ...(linked ? { href: recordUrl(object, row.cle) } : {}),
            detail: tr('dashboard.framework.activity.detail', { date: dateTime(row.horodatage, locale), login: row.login ?? '' }),
          };
        }),
        ...(audit ? { more: { label: tr('dashboard.framework.activity.more'), href: listUrl(audit) } } : {}),
      };
    },
  };
}

/** `YYYY-MM-DD` of a moment in Paris. */
const parisDay = (moment: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);

/** The last `count` days in Paris, oldest first, as `YYYY-MM-DD`. */
export function lastDays(now: Date, count: number): string[] {
  const [year, month, day] = parisDay(now).split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - 1, day - (count - 1 - index))).toISOString().slice(0, 10));
}

const changesWidget: ServerWidget = {
  id: FRAMEWORK_WIDGETS.changes,
  label: t('dashboard.framework.changes.label'),
  permissions: [AUDIT_PERMISSION],
  async render({ read, locale }) {
    const tr = translator(locale);
    const days = lastDays(new Date(), DAYS);
    const rows = await read(
      async (db) =>
        (
          await sql<{ jour: string; nombre: number }>`
            select to_char(horodatage at time zone ${TIME_ZONE}, 'YYYY-MM-DD') as jour, count(*)::int as nombre
            from om.om_audit where horodatage >= now() - make_interval(days => ${DAYS + 1})
            group by 1`.execute(db)
        ).rows,
    );
    const counts = new Map(rows.map((row) => [row.jour, Number(row.nombre)]));
    return {
      kind: 'chart',
      chart: 'bar',
      title: tr('dashboard.framework.changes.title'),
      labels: days.map((day) => `${day.slice(8, 10)}/${day.slice(5, 7)}`),
      series: [{ label: tr('dashboard.framework.changes.series'), values: days.map((day) => counts.get(day) ?? 0) }],
    };
  },
};

export function registerFrameworkWidgets(registry: Registry): void {
  registry.addWidget(infoWidget);
  registry.addWidget(activityWidget(registry));
  registry.addWidget(changesWidget);
  registry.addMenuEntry({
    rubrique: 'administration',
    label: t('dashboard.composer.title'),
    href: COMPOSER_PATH,
    permissions: ['om_dashboard_tab'],
    category: t('dashboard.composer.menuCategory'),
  });
}

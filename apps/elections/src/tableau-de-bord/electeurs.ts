/**
 * Electors per list, per bureau (by list) and, for a niveau-2 user, per commune it manages (by
 * list): charts with their table. Read under the user's row-level security: a niveau-1 user counts
 * its own commune only.
 */
import { sql } from 'kysely';
import { objectPermission } from '../../../../framework/src/access/permissions.ts';
import type { ServerWidget, WidgetContent } from '../../../../framework/src/model/extensions.ts';
import { message } from './messages.ts';

const ELECTEUR = { app: 'elections', name: 'electeur' } as const;
const READERS = [objectPermission(ELECTEUR), objectPermission(ELECTEUR, 'tab')];
const LISTES = ['LP', 'LCE', 'LCM'] as const;

interface Count {
  readonly groupe: string;
  readonly liste: string;
  readonly nombre: number | string;
}

/** One series per list, one label per group (in the order the rows came). */
function byList(rows: readonly Count[], title: string): WidgetContent {
  if (rows.length === 0) return { kind: 'empty' };
  const groups = [...new Set(rows.map((row) => row.groupe))];
  const count = new Map(rows.map((row) => [`${row.groupe}\u0000${row.liste}`, Number(row.nombre)]));
  const present = LISTES.filter((liste) => rows.some((row) => row.liste === liste));
  return {
    kind: 'chart',
    chart: 'bar',
    title,
    labels: groups,
    series: present.map((liste) => ({ label: liste, values: groups.map((groupe) => count.get(`${groupe}\u0000${liste}`) ?? 0) })),
  };
}

export const parListeWidget: ServerWidget = {
  id: 'elections.electeurs_par_liste',
  label: message('parListe', undefined, 'fr'),
  permissions: READERS,
  async render({ read, locale }) {
    const rows = await read(async (db) => (await sql<{ liste: string; nombre: number | string }>`
      select l.liste, count(e.electeur) as nombre from elections.liste l left join elections.electeur e on e.liste = l.liste
       group by l.liste order by case l.liste when 'LP' then 1 when 'LCE' then 2 else 3 end`.execute(db)).rows);
    if (rows.every((row) => Number(row.nombre) === 0)) return { kind: 'empty' };
    return {
      kind: 'chart',
      chart: 'bar',
      title: message('parListeTitre', undefined, locale),
      labels: rows.map((row) => row.liste),
      series: [{ label: message('electeurs', undefined, locale), values: rows.map((row) => Number(row.nombre)) }],
    };
  },
};

export const parBureauWidget: ServerWidget = {
  id: 'elections.electeurs_par_bureau',
  label: message('parBureau', undefined, 'fr'),
  permissions: READERS,
  async render({ read, locale }) {
    const rows = await read(async (db) => (await sql<Count>`
      select b.code || ' ' || b.libelle as groupe, e.liste, count(*) as nombre
        from elections.electeur e join elections.bureau b on b.bureau = e.bureau
       group by b.code, b.libelle, e.liste order by b.code, e.liste`.execute(db)).rows);
    return byList(rows, message('parBureauTitre', undefined, locale));
  },
};

export const parCommuneWidget: ServerWidget = {
  id: 'elections.electeurs_par_commune',
  label: message('parCommune', undefined, 'fr'),
  permissions: READERS,
  async render({ read, locale }) {
    const rows = await read(async (db) => (await sql<Count>`
      select c.libelle as groupe, e.liste, count(*) as nombre
        from elections.electeur e join om.om_collectivite c on c.om_collectivite = e.om_collectivite
       group by c.libelle, e.liste order by c.libelle, e.liste`.execute(db)).rows);
    return byList(rows, message('parCommuneTitre', undefined, locale));
  },
};

/** A search box to the electors' listing (its simple search, `q`: name, usage name, first names, INE). */
export const rechercheWidget: ServerWidget = {
  id: 'elections.recherche_electeur',
  label: message('recherche', undefined, 'fr'),
  permissions: READERS,
  render: async ({ locale }) => ({
    kind: 'search',
    action: '/elections/electeur',
    label: message('rechercheChamp', undefined, locale),
    button: message('rechercheBouton', undefined, locale),
  }),
};

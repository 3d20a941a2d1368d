/**
 * The dashboard widgets of « Cimetière » (placed on the profiles' dashboards by migration 0003):
 * the « recherche globale » box and the « Supervision » (emplacements per nature in each cemetery,
 * and the total), read as the user.
 */
import { sql } from 'kysely';
import type { ServerWidget } from '../../../../framework/src/model/extensions.ts';
import { libelleDe, NATURES_EMPLACEMENT } from '../core/libelles.ts';

const LECTEURS = ['cimetiere.emplacement', 'cimetiere.emplacement_tab'];

export const rechercheWidget: ServerWidget = {
  id: 'cimetiere.recherche',
  label: 'Cimetière : recherche globale',
  permissions: LECTEURS,
  render: async () => ({ kind: 'search', action: '/cimetiere/recherche', label: 'Nom, famille, numéro d’acte ou date de décès', button: 'Rechercher' }),
};

interface Compte {
  readonly cimetiere: string;
  readonly nature: string;
  readonly nombre: number | string;
}

export const supervisionWidget: ServerWidget = {
  id: 'cimetiere.supervision',
  label: 'Cimetière : supervision des emplacements',
  permissions: LECTEURS,
  async render({ read }) {
    const rows = await read(async (db) => (await sql<Compte>`
      select ci.libelle as cimetiere, e.nature, count(*) as nombre
        from cimetiere.emplacement e
        join cimetiere.voie v on v.voie = e.voie
        join cimetiere.zone z on z.zone = v.zone
        join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
       group by ci.libelle, e.nature
       order by ci.libelle collate "und-x-icu"`.execute(db)).rows);
    if (rows.length === 0) return { kind: 'empty' };
    const cimetieres = [...new Set(rows.map((row) => row.cimetiere))];
    const natures = NATURES_EMPLACEMENT.filter((nature) => rows.some((row) => row.nature === nature.value));
    const nombre = (cimetiere: string, nature: string) => Number(rows.find((row) => row.cimetiere === cimetiere && row.nature === nature)?.nombre ?? 0);
    const total = rows.reduce((somme, row) => somme + Number(row.nombre), 0);
    return {
      kind: 'chart',
      chart: 'bar',
      title: `Emplacements par nature et par cimetière (${total.toLocaleString('fr-FR')} au total)`,
      labels: natures.map((nature) => libelleDe(NATURES_EMPLACEMENT, nature.value)),
      series: [
        ...cimetieres.map((cimetiere) => ({ label: cimetiere, values: natures.map((nature) => nombre(cimetiere, nature.value)) })),
        ...(cimetieres.length > 1
          ? [{ label: 'Total', values: natures.map((nature) => cimetieres.reduce((somme, cimetiere) => somme + nombre(cimetiere, nature.value), 0)) }]
          : []),
      ],
    };
  },
};

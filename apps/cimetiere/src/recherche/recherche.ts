/**
 * The « recherche globale » (cimetiere.md §3.10): one term looked up, accent- and case-blind, in
 * the numbers of the actes, the families, the défunts' names and birth names (and their date of
 * death when the term is a date), the concessionnaires' and ayants droit's names, and in the
 * archives of the ended concessions. By prefix, or anywhere in the name (« recherche élargie »);
 * in every cemetery or one. Read as the user: the collectivité's scope and row-level security apply.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { dateFr } from '../core/format.ts';

export interface CriteresRecherche {
  readonly terme: string;
  readonly elargie: boolean;
  readonly cimetiere: number | undefined;
}

export interface Resultat {
  /** What matched: the name, the number, the date. */
  readonly texte: string;
  readonly emplacement: string;
  readonly cimetiere: string;
  readonly href: string;
}

export interface GroupeResultats {
  readonly code: string;
  readonly titre: string;
  readonly resultats: readonly Resultat[];
  /** More were found than shown. */
  readonly tronque: boolean;
}

export const MAX_PAR_GROUPE = 50;
export const LONGUEUR_MINIMALE = 2;

interface Source {
  readonly code: string;
  readonly titre: string;
  /** Rows (texte, emplacement, archive): `archive` is the fin_concession of an archived row, else null. */
  readonly lignes: (motif: RawBuilder<string>, date: string | undefined) => RawBuilder<unknown> | undefined;
}

const nomComplet = (alias: string) => sql.raw(`${alias}.nom || coalesce(' ' || ${alias}.prenom, '')`);
const nee = (alias: string) => sql.raw(`coalesce(' (né(e) ' || ${alias}.nom_naissance || ')', '')`);

/** A typed « 21/06/2013 » (or 21-06-2013, 2013-06-21) as YYYY-MM-DD. */
export function dateSaisie(terme: string): string | undefined {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(terme.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(terme.trim());
  const [annee, mois, jour] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!annee || !mois || !jour) return undefined;
  const texte = `${annee}-${mois.padStart(2, '0')}-${jour.padStart(2, '0')}`;
  const date = new Date(`${texte}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== texte ? undefined : texte;
}

const SOURCES: readonly Source[] = [
  {
    code: 'acte',
    titre: 'Numéro d’acte de concession',
    lignes: (motif) => sql`select 'Acte n° ' || c.numero_acte || ' (' || c.duree_type || ')' as texte, c.emplacement, null::integer as archive
      from cimetiere.concession c where om.fold(c.numero_acte) like ${motif} escape '\\'`,
  },
  {
    code: 'famille',
    titre: 'Famille de la concession',
    lignes: (motif) => sql`select e.famille as texte, e.emplacement, null::integer as archive
      from cimetiere.emplacement e where om.fold(e.famille) like ${motif} escape '\\'`,
  },
  {
    code: 'defunt',
    titre: 'Nom du défunt',
    lignes: (motif) => sql`select ${nomComplet('d')} || ${nee('d')} as texte, d.emplacement, null::integer as archive
      from cimetiere.defunt d where om.fold(d.nom) like ${motif} escape '\\' or om.fold(d.nom_usage) like ${motif} escape '\\'`,
  },
  {
    code: 'defunt_naissance',
    titre: 'Nom de naissance du défunt',
    lignes: (motif) => sql`select ${nomComplet('d')} || ${nee('d')} as texte, d.emplacement, null::integer as archive
      from cimetiere.defunt d where om.fold(d.nom_naissance) like ${motif} escape '\\'`,
  },
  {
    code: 'date_deces',
    titre: 'Date de décès du défunt',
    lignes: (_motif, date) =>
      date === undefined
        ? undefined
        : sql`select ${nomComplet('d')} || ', décédé(e) le ' || to_char(d.date_deces, 'DD/MM/YYYY') as texte, d.emplacement, null::integer as archive
      from cimetiere.defunt d where d.date_deces = ${date}::date`,
  },
  {
    code: 'concessionnaire',
    titre: 'Nom du concessionnaire',
    lignes: (motif) => sql`select ${nomComplet('a')} || ${nee('a')} as texte, a.emplacement, null::integer as archive
      from cimetiere.autorisation a where a.nature = 'concessionnaire'
       and (om.fold(a.nom) like ${motif} escape '\\' or om.fold(a.nom_usage) like ${motif} escape '\\')`,
  },
  {
    code: 'concessionnaire_naissance',
    titre: 'Nom de naissance du concessionnaire',
    lignes: (motif) => sql`select ${nomComplet('a')} || ${nee('a')} as texte, a.emplacement, null::integer as archive
      from cimetiere.autorisation a where a.nature = 'concessionnaire' and om.fold(a.nom_naissance) like ${motif} escape '\\'`,
  },
  {
    code: 'ayant_droit',
    titre: 'Nom de l’ayant droit',
    lignes: (motif) => sql`select ${nomComplet('a')} || ${nee('a')} || coalesce(', ' || a.parente, '') as texte, a.emplacement, null::integer as archive
      from cimetiere.autorisation a where a.nature = 'ayant_droit'
       and (om.fold(a.nom) like ${motif} escape '\\' or om.fold(a.nom_usage) like ${motif} escape '\\' or om.fold(a.nom_naissance) like ${motif} escape '\\')`,
  },
  {
    code: 'defunt_archive',
    titre: 'Défunt archivé (fin de concession)',
    lignes: (motif) => sql`select ${nomComplet('d')} || ${nee('d')} || coalesce(' → ' || d.destination, '') as texte, f.emplacement, f.fin_concession as archive
      from cimetiere.defunt_archive d join cimetiere.fin_concession f on f.fin_concession = d.fin_concession
     where om.fold(d.nom) like ${motif} escape '\\' or om.fold(d.nom_usage) like ${motif} escape '\\' or om.fold(d.nom_naissance) like ${motif} escape '\\'`,
  },
  {
    code: 'autorisation_archive',
    titre: 'Concessionnaire ou ayant droit archivé',
    lignes: (motif) => sql`select ${nomComplet('a')} || ${nee('a')} || ' (' || replace(a.nature, '_', ' ') || ')' as texte, f.emplacement, f.fin_concession as archive
      from cimetiere.autorisation_archive a join cimetiere.fin_concession f on f.fin_concession = a.fin_concession
     where om.fold(a.nom) like ${motif} escape '\\' or om.fold(a.nom_usage) like ${motif} escape '\\' or om.fold(a.nom_naissance) like ${motif} escape '\\'`,
  },
];

/** The term as a LIKE pattern on folded text: its own `%`, `_` and `\` are literal. */
export function motifDe(terme: string, elargie: boolean): RawBuilder<string> {
  const echappe = terme.trim().replace(/[\\%_]/g, (caractere) => `\\${caractere}`);
  return elargie ? sql<string>`'%' || om.fold(${echappe}) || '%'` : sql<string>`om.fold(${echappe}) || '%'`;
}

export async function rechercher(db: Db, criteres: CriteresRecherche): Promise<GroupeResultats[]> {
  const terme = criteres.terme.trim();
  if (terme.length < LONGUEUR_MINIMALE) return [];
  const date = dateSaisie(terme);
  const groupes: GroupeResultats[] = [];
  for (const source of SOURCES) {
    const interne = source.lignes(motifDe(terme, criteres.elargie), date);
    if (!interne) continue;
    const { rows } = await sql<{ texte: string | null; emplacement: number; archive: number | null; adresse: string; cimetiere: string }>`
      select g.texte, g.emplacement, g.archive,
             v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') || coalesce(' — ' || e.famille, '') as adresse,
             ci.libelle as cimetiere
        from (${interne}) g
        join cimetiere.emplacement e on e.emplacement = g.emplacement
        join cimetiere.voie v on v.voie = e.voie
        join cimetiere.zone z on z.zone = v.zone
        join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
       where ${criteres.cimetiere === undefined ? sql`true` : sql`ci.cimetiere = ${criteres.cimetiere}`}
       order by g.texte collate "und-x-icu", ci.libelle, v.libelle, e.numero
       limit ${MAX_PAR_GROUPE + 1}`.execute(db);
    if (rows.length === 0) continue;
    groupes.push({
      code: source.code,
      titre: source.titre,
      tronque: rows.length > MAX_PAR_GROUPE,
      resultats: rows.slice(0, MAX_PAR_GROUPE).map((row) => ({
        texte: row.texte ?? '',
        emplacement: row.adresse,
        cimetiere: row.cimetiere,
        href: row.archive === null ? `/cimetiere/emplacement/${row.emplacement}` : `/cimetiere/fin_concession/${row.archive}`,
      })),
    });
  }
  return groupes;
}

/** « 3 résultats pour « durand » » and the like, for the page's status line. */
export function resume(groupes: readonly GroupeResultats[], terme: string): string {
  const total = groupes.reduce((somme, groupe) => somme + groupe.resultats.length, 0);
  if (total === 0) return `Aucun résultat pour « ${terme} ».`;
  const date = dateSaisie(terme);
  return `${total} ${total > 1 ? 'résultats' : 'résultat'} pour « ${date ? dateFr(date) : terme} ».`;
}

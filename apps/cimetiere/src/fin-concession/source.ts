/**
 * The data source of « État concession » (`cimetiere/fin_concession`): the fin de concession and
 * what its archive says of the emplacement and the act. The défunts and the concessionnaires come
 * from sous-états over the archive tables (migration 0004).
 */
import { sql } from 'kysely';
import type { DocumentSourceSpec } from '../../../../framework/src/model/extensions.ts';
import { dateFr } from '../operations/libelles.ts';
import { motifLibelle } from './demande.ts';

const CHAMPS = {
  collectivite: 'Commune',
  numero_acte: 'Numéro d’acte',
  date_acte: 'Date de l’acte',
  date_vente: 'Date de vente',
  duree: 'Durée',
  date_terme: 'Date de terme',
  emplacement: 'Emplacement',
  nature: 'Nature de l’emplacement',
  famille: 'Famille',
  date_fin: 'Date de fin',
  motif: 'Motif de la fin',
  ossuaire: 'Ossuaire',
  pieces: 'Pièces du dossier archivées',
  fait_le: 'Faite le',
  fait_par: 'Faite par',
} as const;

const DUREES: Readonly<Record<string, string>> = {
  temporaire: 'temporaire',
  trentenaire: 'trentenaire',
  cinquantenaire: 'cinquantenaire',
  perpetuelle: 'perpétuelle',
};

const NATURES: Readonly<Record<string, string>> = {
  concession: 'concession',
  colombarium: 'colombarium',
  enfeu: 'enfeu',
  ossuaire: 'ossuaire',
  terrain_communal: 'terrain communal',
  depositoire: 'dépositoire',
};

type Json = Record<string, unknown> | null | undefined;

export const finConcessionSource: DocumentSourceSpec = {
  app: 'cimetiere',
  name: 'fin_concession',
  label: 'Cimetière : fin de concession',
  fields: Object.entries(CHAMPS).map(([name, label]) => ({ name, label })),
  rows: async (context) => {
    const key = Number(context.params['idx']);
    if (!Number.isSafeInteger(key) || key <= 0) return [];
    const row = await context.read(async (db) =>
      (
        await sql<{ donnees: { emplacement?: Json; concession?: Json; dossier?: Json[] }; date_fin: string; motif: string; fait_le: string; fait_par: string;
          collectivite: string; libelle: string | null; ossuaire: string | null }>`
          select f.donnees, f.date_fin, f.motif, to_char(f.fait_le at time zone 'Europe/Paris', 'DD/MM/YYYY') as fait_le, f.fait_par, col.libelle as collectivite,
                 (select concat_ws(', ', c.libelle, z.libelle, v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, ''))
                    from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
                    join cimetiere.cimetiere c on c.cimetiere = z.cimetiere where e.emplacement = f.emplacement) as libelle,
                 (select concat_ws(', ', c.libelle, z.libelle, v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, ''))
                    from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
                    join cimetiere.cimetiere c on c.cimetiere = z.cimetiere where e.emplacement = f.ossuaire) as ossuaire
            from cimetiere.fin_concession f join om.om_collectivite col on col.om_collectivite = f.om_collectivite
           where f.fin_concession = ${key}`.execute(db)
      ).rows[0],
    );
    if (!row) return [];
    const donnees = typeof row.donnees === 'string' ? (JSON.parse(row.donnees) as typeof row.donnees) : row.donnees;
    const emplacement = donnees.emplacement ?? {};
    const concession = donnees.concession ?? undefined;
    const texte = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    const duree = concession
      ? concession.duree_type === 'perpetuelle' ? 'perpétuelle' : `${DUREES[texte(concession.duree_type)] ?? texte(concession.duree_type)}, ${texte(concession.duree)} ans`
      : '';
    const pieces = (donnees.dossier ?? []).map((piece) => `${texte(piece?.fichier)}${piece?.observation ? ` (${texte(piece.observation)})` : ''}`).join(', ');
    return [
      {
        collectivite: row.collectivite,
        numero_acte: concession ? texte(concession.numero_acte) : 'sans acte',
        date_acte: concession ? dateFr(concession.date_acte) : '',
        date_vente: concession ? dateFr(concession.date_vente) : '',
        duree,
        date_terme: concession?.date_terme ? dateFr(concession.date_terme) : concession ? 'aucun' : '',
        emplacement: row.libelle ?? '',
        nature: NATURES[texte(emplacement.nature)] ?? texte(emplacement.nature),
        famille: texte(emplacement.famille),
        date_fin: dateFr(row.date_fin),
        motif: motifLibelle(row.motif),
        ossuaire: row.ossuaire ?? 'aucun',
        pieces: pieces || 'aucune',
        fait_le: row.fait_le,
        fait_par: row.fait_par,
      },
    ];
  },
};

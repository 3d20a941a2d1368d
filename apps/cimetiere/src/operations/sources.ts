/**
 * The data sources of the operation letters (`om_requete.type = 'objet'`, migration 0004): the
 * operation (dossier, catégorie, date, emplacement, entreprise, défunts concerned), and a courrier
 * (the same, plus its destinataire and its complément). Read as the user: another collectivité's
 * operation or courrier gives no row.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { DocumentSourceContext, DocumentSourceSpec } from '../../../../framework/src/model/extensions.ts';
import { categorieLibelle, dateFr, nomComplet } from './libelles.ts';
import { libelleEmplacementSql } from './lecture.ts';

type Ligne = Record<string, string>;

const CHAMPS_OPERATION = {
  collectivite: 'Commune',
  numero: 'Numéro de dossier',
  categorie: 'Catégorie de l’opération',
  categorie_minuscule: 'Catégorie (en minuscules, dans une phrase)',
  date_operation: 'Date de l’opération',
  heure: 'Heure',
  quand: 'Date et heure (« 21/06/2026 à 10 h 30 »)',
  emplacement: 'Emplacement',
  famille: 'Famille',
  emplacement_transfert: 'Emplacement de destination',
  entreprise: 'Entreprise de pompes funèbres',
  demandeur: 'Demandeur',
  defunts: 'Défunt(s) concerné(s)',
  intervenants: 'Phrase : entreprise (ou particulier) et demandeur',
  lieu_dispersion: 'Lieu de dispersion',
  etat: 'État de l’opération',
} as const;

const CHAMPS_COURRIER = {
  ...CHAMPS_OPERATION,
  date_courrier: 'Date du courrier',
  destinataire: 'Destinataire',
  destinataire_qualite: 'Qualité du destinataire (concessionnaire, ayant droit)',
  destinataire_adresse1: 'Adresse du destinataire',
  destinataire_adresse2: 'Complément d’adresse du destinataire',
  destinataire_cp: 'Code postal du destinataire',
  destinataire_ville: 'Ville du destinataire',
  complement: 'Complément',
} as const;

const champs = (libelles: Readonly<Record<string, string>>) => Object.entries(libelles).map(([name, label]) => ({ name, label }));

const ETATS: Readonly<Record<string, string>> = { actif: 'en cours', traite: 'traitée', annule: 'annulée' };
const NATURES: Readonly<Record<string, string>> = { cercueil: 'cercueil', urne: 'urne', reduction: 'reliquaire' };

const heure = (value: unknown): string => {
  const match = /^(\d{2}):(\d{2})/.exec(String(value ?? ''));
  return match ? `${match[1]} h ${match[2]}` : '';
};

const videsOperation = (): Ligne => Object.fromEntries(Object.keys(CHAMPS_OPERATION).map((name) => [name, '']));

async function defuntsDe(db: Db, operation: Record<string, unknown>): Promise<string> {
  if (operation.categorie === 'inhumation') {
    const titre = (await sql<{ libelle: string }>`select libelle from cimetiere.titre where titre = ${operation.defunt_titre ?? null}::integer`.execute(db)).rows[0];
    const nature = NATURES[String(operation.defunt_nature)] ?? '';
    return `${nomComplet({ titre: titre?.libelle, prenom: operation.defunt_prenom, nom: operation.defunt_nom })}${nature ? ` (${nature})` : ''}`;
  }
  const result = await sql<{ titre: string | null; prenom: string | null; nom: string; nature: string }>`
    select t.libelle as titre, d.prenom, d.nom, d.nature from cimetiere.operation_defunt od
      join cimetiere.defunt d on d.defunt = od.defunt left join cimetiere.titre t on t.titre = d.titre
     where od.operation = ${Number(operation.operation)} order by od.operation_defunt`.execute(db);
  return result.rows.map((row) => `${nomComplet(row)} (${NATURES[row.nature] ?? row.nature})`).join(', ');
}

/** Every merge field of an operation, or undefined when it is not visible. */
export async function champsOperation(db: Db, operation: number): Promise<Ligne | undefined> {
  const result = await sql<Record<string, unknown>>`
    select o.*, ${libelleEmplacementSql} as emplacement_libelle, e.famille, coalesce(en.nom, '') as entreprise_nom,
           col.libelle as collectivite,
           (select concat_ws(', ', c2.libelle, z2.libelle, v2.libelle || ' n° ' || e2.numero || coalesce(' ' || e2.complement, ''))
              from cimetiere.emplacement e2 join cimetiere.voie v2 on v2.voie = e2.voie join cimetiere.zone z2 on z2.zone = v2.zone
              join cimetiere.cimetiere c2 on c2.cimetiere = z2.cimetiere where e2.emplacement = o.emplacement_transfert) as transfert_libelle
      from cimetiere.operation o
      join cimetiere.emplacement e on e.emplacement = o.emplacement
      join cimetiere.voie v on v.voie = e.voie
      join cimetiere.zone z on z.zone = v.zone
      join cimetiere.cimetiere c on c.cimetiere = z.cimetiere
      join om.om_collectivite col on col.om_collectivite = o.om_collectivite
      left join cimetiere.entreprise en on en.entreprise = o.entreprise
     where o.operation = ${operation}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const categorie = categorieLibelle(row.categorie);
  const quand = heure(row.heure) ? `${dateFr(row.date_operation)} à ${heure(row.heure)}` : dateFr(row.date_operation);
  const entreprise = row.particulier ? 'Opération faite par un particulier.' : row.entreprise_nom ? `Opération confiée à ${String(row.entreprise_nom)}.` : '';
  const demandeur = row.demandeur ? `Demandeur : ${String(row.demandeur)}.` : '';
  return {
    collectivite: String(row.collectivite ?? ''),
    numero: String(row.numero),
    categorie,
    categorie_minuscule: categorie.toLowerCase(),
    date_operation: dateFr(row.date_operation),
    heure: heure(row.heure),
    quand,
    intervenants: [entreprise, demandeur].filter((phrase) => phrase !== '').join(' '),
    emplacement: String(row.emplacement_libelle ?? ''),
    famille: String(row.famille ?? ''),
    emplacement_transfert: String(row.transfert_libelle ?? ''),
    entreprise: row.particulier ? 'un particulier' : String(row.entreprise_nom ?? ''),
    demandeur: String(row.demandeur ?? ''),
    defunts: await defuntsDe(db, row),
    lieu_dispersion: String(row.lieu_dispersion ?? ''),
    etat: ETATS[String(row.etat)] ?? String(row.etat),
  };
}

/** Every merge field of a courrier: its operation's (empty without one), its destinataire, its complément. */
export async function champsCourrier(db: Db, courrier: number): Promise<Ligne | undefined> {
  const result = await sql<Record<string, unknown>>`
    select co.operation, co.date_courrier, co.complement, a.nature, ti.libelle as titre, a.prenom, a.nom, a.adresse1, a.adresse2, a.cp, a.ville,
           ${libelleEmplacementSql} as emplacement_libelle, e.famille, col.libelle as collectivite
      from cimetiere.courrier co
      join cimetiere.emplacement e on e.emplacement = co.emplacement
      join cimetiere.voie v on v.voie = e.voie
      join cimetiere.zone z on z.zone = v.zone
      join cimetiere.cimetiere c on c.cimetiere = z.cimetiere
      join om.om_collectivite col on col.om_collectivite = co.om_collectivite
      left join cimetiere.autorisation a on a.autorisation = co.autorisation
      left join cimetiere.titre ti on ti.titre = a.titre
     where co.courrier = ${courrier}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const operation = row.operation === null ? undefined : await champsOperation(db, Number(row.operation));
  return {
    ...videsOperation(),
    collectivite: String(row.collectivite ?? ''),
    emplacement: String(row.emplacement_libelle ?? ''),
    famille: String(row.famille ?? ''),
    ...operation,
    date_courrier: dateFr(row.date_courrier),
    destinataire: row.nom ? nomComplet(row) : '',
    destinataire_qualite: row.nature === 'ayant_droit' ? 'ayant droit' : row.nature === 'concessionnaire' ? 'concessionnaire' : '',
    destinataire_adresse1: String(row.adresse1 ?? ''),
    destinataire_adresse2: String(row.adresse2 ?? ''),
    destinataire_cp: String(row.cp ?? ''),
    destinataire_ville: String(row.ville ?? ''),
    complement: String(row.complement ?? ''),
  };
}

const cle = (context: DocumentSourceContext): number | undefined => {
  const key = Number(context.params['idx']);
  return Number.isSafeInteger(key) && key > 0 ? key : undefined;
};

export const operationSource: DocumentSourceSpec = {
  app: 'cimetiere',
  name: 'operation',
  label: 'Cimetière : opération funéraire',
  fields: champs(CHAMPS_OPERATION),
  rows: async (context) => {
    const key = cle(context);
    const ligne = key === undefined ? undefined : await context.read((db) => champsOperation(db, key));
    return ligne ? [ligne] : [];
  },
};

export const courrierSource: DocumentSourceSpec = {
  app: 'cimetiere',
  name: 'courrier',
  label: 'Cimetière : courrier',
  fields: champs(CHAMPS_COURRIER),
  rows: async (context) => {
    const key = cle(context);
    const ligne = key === undefined ? undefined : await context.read((db) => champsCourrier(db, key));
    return ligne ? [ligne] : [];
  },
};

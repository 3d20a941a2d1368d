/**
 * An archived mail as its page reads it: the archive row (read as the user — row-level security
 * decides, confidential archives included) and its snapshot `donnees` (archiver.ts), typed for
 * display; and one of its documents' content, for the download route.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { lireFichier, type FichierLu, type LecteurFichiers } from '../depart/fichiers.ts';

type Json = Readonly<Record<string, unknown>>;

export interface DocumentArchive {
  readonly libelle: string;
  readonly type: string;
  readonly date: string;
  readonly fichier: string | null;
  readonly fichierNom: string | null;
  readonly original: string | null;
  readonly originalNom: string | null;
  readonly observation: string | null;
}

export interface DossierArchive {
  readonly archive: number;
  readonly registre: string;
  readonly numero: string;
  readonly nature: string | null;
  readonly dateArrivee: string | null;
  readonly dateCourrier: string | null;
  readonly dateSignature: string | null;
  readonly dateDepart: string | null;
  readonly correspondant: string;
  readonly objet: string;
  readonly categorie: string | null;
  readonly service: string;
  readonly confidentiel: boolean;
  readonly archiveLe: unknown;
  readonly archivePar: string;
  readonly referent: string | null;
  readonly etat: string | null;
  readonly observation: string | null;
  readonly reponseA: Json | null;
  readonly reponses: readonly Json[];
  readonly copies: readonly Json[];
  readonly documents: readonly DocumentArchive[];
  readonly taches: readonly Json[];
  readonly visas: readonly Json[];
  readonly liens: readonly Json[];
}

const objet = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const liste = (value: unknown): Json[] => (Array.isArray(value) ? value.map(objet) : []);
const texte = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const donneesDe = (value: unknown): Json => objet(typeof value === 'string' ? (JSON.parse(value) as unknown) : value);

function documentDe(entry: Json): DocumentArchive {
  return {
    libelle: texte(entry['libelle']) ?? '',
    type: texte(entry['type_document']) ?? '',
    date: texte(entry['date_document']) ?? '',
    fichier: texte(entry['fichier']),
    fichierNom: texte(entry['fichier_nom']),
    original: texte(entry['original']),
    originalNom: texte(entry['original_nom']),
    observation: texte(entry['observation']),
  };
}

interface ArchiveLue {
  courrier_archive: number;
  registre: string;
  numero: string;
  nature_libelle: string | null;
  date_arrivee: string | null;
  date_courrier: string | null;
  date_signature: string | null;
  date_depart: string | null;
  correspondant_libelle: string;
  objet: string;
  categorie_libelle: string | null;
  service_libelle: string;
  confidentiel: boolean;
  donnees: unknown;
  archive_le: unknown;
  archive_par: string;
}

/** The archived mail, if the user may see it. */
export async function lireDossier(db: Db, archive: number): Promise<DossierArchive | undefined> {
  const { rows } = await sql<ArchiveLue>`select * from courrier.courrier_archive where courrier_archive = ${archive}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const donnees = donneesDe(row.donnees);
  const courrier = objet(donnees['courrier']);
  const reponseA = donnees['reponse_a'];
  return {
    archive: Number(row.courrier_archive),
    registre: row.registre,
    numero: row.numero,
    nature: row.nature_libelle,
    dateArrivee: row.date_arrivee,
    dateCourrier: row.date_courrier,
    dateSignature: row.date_signature,
    dateDepart: row.date_depart,
    correspondant: row.correspondant_libelle,
    objet: row.objet,
    categorie: row.categorie_libelle,
    service: row.service_libelle,
    confidentiel: row.confidentiel,
    archiveLe: row.archive_le,
    archivePar: row.archive_par,
    referent: texte(donnees['referent']),
    etat: texte(courrier['etat']),
    observation: texte(courrier['observation']),
    reponseA: reponseA === null || reponseA === undefined ? null : objet(reponseA),
    reponses: liste(donnees['reponses']),
    copies: liste(donnees['copies']),
    documents: liste(donnees['documents']).map(documentDe),
    taches: liste(donnees['taches']),
    visas: liste(donnees['visas']),
    liens: liste(donnees['liens']),
  };
}

/** A file of the archived mail's dossier (the document or its original), if the user may see the archive. */
export async function documentArchive(db: Db, lecteur: LecteurFichiers, archive: number, fichier: string): Promise<FichierLu | undefined> {
  const dossier = await lireDossier(db, archive);
  const connu = dossier?.documents.some((document) => document.fichier === fichier || document.original === fichier);
  return connu ? lireFichier(db, lecteur, fichier) : undefined;
}

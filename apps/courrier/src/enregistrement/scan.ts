/**
 * The scan of a registration: the form offers the user's waiting scans (framework intake, for
 * « courrier » or any application), the oldest first; on create the chosen one is claimed in the
 * registration's transaction, made a PDF, stamped « Courrier arrivé n° … » / « le JJ/MM/AAAA » on its
 * first page and kept in the dossier (`document`: type scan, the stamped PDF in `fichier`, the
 * original untouched in `original`). An unreadable file, or a scan that is not the user's (any
 * more), refuses the registration: nothing is written and the scan stays waiting.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import { scanToPdf, StampError, stampFirstPage } from '../../../../framework/src/documents/stamp.ts';
import type { FileStore } from '../../../../framework/src/files/index.ts';
import { claimWaitingFile, listWaitingFiles, nextWaitingFile } from '../../../../framework/src/files/intake/index.ts';
import { Veto, type Choice, type ChoicesContext, type PrepareContext, type WriteContext } from '../../../../framework/src/model/override.ts';
import type { Registre } from '../core/registres.ts';
import { aujourdhui, dateFr, jour } from './dates.ts';

export const ENTREE_SCAN = 'scan';
export const APPLICATION = 'courrier';

export const MESSAGES_SCAN = {
  introuvable: 'Ce document numérisé n’est plus en attente pour vous : choisissez-en un autre dans la liste.',
  indisponible: 'Les documents numérisés ne peuvent pas être joints ici : enregistrez le courrier puis ajoutez le document à son dossier.',
  libelle: 'Courrier numérisé',
} as const;

const refus = (message: string) => new Veto(message, { [ENTREE_SCAN]: message });

const heure = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** The waiting scans of the user, oldest first. */
export async function scansEnAttente({ db, actor }: ChoicesContext): Promise<readonly Choice[]> {
  return (await listWaitingFiles(db, actor, APPLICATION)).map((scan) => ({ value: String(scan.id), label: `${scan.name} (reçu le ${heure(scan.receivedAt)})` }));
}

/** The id of the user's oldest waiting scan, preselected in the form. */
export async function plusAncienScan(db: Db, actor: Actor): Promise<string | undefined> {
  const scan = await nextWaitingFile(db, actor, APPLICATION);
  return scan ? String(scan.id) : undefined;
}

/** The stamp's lines: « Courrier arrivé n° 2026-42 », « le 05/12/2026 ». */
export function lignesDuTampon(registre: Registre, numero: string, date: string): string[] {
  return [`Courrier ${registre === 'arrivee' ? 'arrivé' : 'départ'} n° ${numero}`, `le ${dateFr(date)}`];
}

export interface ScanAJoindre {
  readonly scan: number;
  readonly courrier: number;
  readonly registre: Registre;
  readonly numero: string;
  /** YYYY-MM-DD: the arrival date (departure: signature, else departure, else today). */
  readonly date: string;
  readonly collectivite: number;
}

/**
 * Claims the scan, stamps it and writes its `document` row, in `trx` (the registration's). Returns
 * the stored files' ids. On a refusal the stamped content already written is removed.
 */
export async function joindreUnScan(
  files: FileStore | undefined,
  trx: Db,
  actor: Actor,
  demande: ScanAJoindre,
): Promise<{ document: number; fichier: string; original: string }> {
  const attente = await claimWaitingFile(trx, actor, demande.scan);
  if (!attente) throw refus(MESSAGES_SCAN.introuvable);
  if (!files) throw refus(MESSAGES_SCAN.indisponible);
  let tamponne: Uint8Array;
  try {
    const pdf = await scanToPdf(await files.read(attente.fileId), attente.type);
    tamponne = await stampFirstPage(pdf, lignesDuTampon(demande.registre, demande.numero, demande.date));
  } catch (error) {
    if (error instanceof StampError) throw refus(error.message);
    throw error;
  }
  const nom = `${demande.registre === 'arrivee' ? 'a' : 'd'}_${demande.numero.replace(/[^\w-]+/g, '_')}.pdf`;
  const stocke = await files.storeInTransaction(trx, actor, { name: nom, type: 'application/pdf', bytes: tamponne }, demande.collectivite);
  try {
    const { rows } = await sql<{ document: number }>`
      insert into courrier.document (courrier, libelle, type_document, date_document, fichier, original, om_collectivite)
      values (${demande.courrier}, ${MESSAGES_SCAN.libelle}, 'scan', ${demande.date}::date, ${stocke.id}, ${attente.fileId}, ${demande.collectivite})
      returning document`.execute(trx);
    return { document: Number(rows[0]?.document), fichier: stocke.id, original: attente.fileId };
  } catch (error) {
    await files.discardContent(stocke.id);
    throw error;
  }
}

/**
 * The scan chosen in the form, from `prepare` (which sees the extra inputs) to `afterWrite` (which
 * knows the number): keyed by the write's values, the same object in both hooks.
 */
const scansChoisis = new WeakMap<Row, number>();

/** `prepare` on create: reads the extra input `scan`. */
export function retenirLeScan(context: PrepareContext): void {
  const choisi = context.input[ENTREE_SCAN];
  if (choisi === undefined || choisi === null || String(choisi).trim() === '') return;
  const scan = Number(String(choisi).trim());
  if (!Number.isSafeInteger(scan) || scan <= 0) throw refus(MESSAGES_SCAN.introuvable);
  scansChoisis.set(context.values, scan);
}

/** `afterWrite` on create: the scan chosen in the form, if any. */
export async function joindreLeScan(context: WriteContext, row: Row): Promise<void> {
  const scan = scansChoisis.get(context.values);
  if (scan === undefined) return;
  const registre = row['registre'] as Registre;
  const date = (registre === 'arrivee' ? jour(row['date_arrivee']) : (jour(row['date_signature']) ?? jour(row['date_depart']))) ?? aujourdhui();
  await joindreUnScan(context.files, context.trx, context.actor, {
    scan,
    courrier: Number(row['courrier']),
    registre,
    numero: String(row['numero']),
    date,
    collectivite: Number(row['om_collectivite']),
  });
}

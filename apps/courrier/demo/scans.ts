/**
 * The demo's scans: about thirty of the latest letters received have their scan in their dossier
 * (a one-page PDF made with pdfkit, kept as the original, and the copy stamped with the register
 * number and the arrival date, as the registration does), and three letters wait in the
 * administrator's scan intake, as a scanner would have left them. Few and small: start-up time matters.
 */
import PDFDocument from 'pdfkit';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { loadActor } from '../../../framework/src/access/load-actor.ts';
import { readAs, writeAs, type Db } from '../../../framework/src/db/index.ts';
import { stampFirstPage } from '../../../framework/src/documents/stamp.ts';
import { fileStoreOf } from '../../../framework/src/files/store.ts';
import { keepWaitingFile, type IntakeRuntime } from '../../../framework/src/files/intake/index.ts';
import type { CourrierGen, DemoCourrier } from './generateur.ts';

export const SCANS_DOSSIER = 30;
export const SCANS_ATTENTE = 3;
const COLLECTIVITE = 1;

export interface ScansEcrits {
  readonly dossiers: number;
  readonly attente: number;
}

const dateFr = (date: string) => date.split('-').reverse().join('/');

/** A letter as a correspondent writes it: sender, date, objet, a few lines, a signature. */
export function lettrePdf(expediteur: readonly string[], date: string, objet: string, corps: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: objet, Author: expediteur[0] ?? '' } });
    const morceaux: Buffer[] = [];
    document.on('data', (morceau: Buffer) => morceaux.push(morceau));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(morceaux))));
    document.on('error', reject);
    document.font('Helvetica').fontSize(11);
    for (const ligne of expediteur) document.text(ligne);
    document.moveDown(2).text('Mairie de Libreville', { align: 'right' }).text('Service courrier', { align: 'right' }).text('1 place de la Mairie', { align: 'right' });
    document.moveDown().text(`Libreville, le ${dateFr(date)}`, { align: 'right' });
    document.moveDown(2).font('Helvetica-Bold').text(`Objet : ${objet}`).font('Helvetica');
    document.moveDown().text('Madame le Maire,').moveDown().text(corps, { align: 'justify' });
    document.moveDown().text('Je vous prie d’agréer, Madame le Maire, l’expression de mes salutations distinguées.');
    document.moveDown(2).text(expediteur[0] ?? '', { align: 'right' });
    document.end();
  });
}

const CORPS =
  'Je me permets de vous adresser la présente au sujet mentionné en objet. Vous trouverez ci-joint les pièces utiles ' +
  'à l’examen de ma demande. Je reste à la disposition de vos services pour tout renseignement complémentaire et vous ' +
  'remercie par avance de la suite que vous voudrez bien y donner.';

const lignesExpediteur = (courrier: Pick<CourrierGen, 'correspondant'>): string[] => {
  const c = courrier.correspondant;
  return [c.prenom ? `${c.prenom} ${c.nom}` : c.nom, c.adresse1, `${c.cp} ${c.ville}`];
};

/** The scans of the latest paper letters, in their dossiers (one transaction: the files go with their rows). */
async function ecrireDossiers(runtime: IntakeRuntime, demo: DemoCourrier): Promise<number> {
  const papier = demo.courriers
    .filter((c) => c.registre === 'arrivee' && !c.confidentiel && (c.nature === 'LET' || c.nature === 'LRAR' || c.nature === 'DEP'))
    .sort((a, b) => b.date.localeCompare(a.date) || b.rang - a.rang)
    .slice(0, SCANS_DOSSIER);
  const fichiers = await Promise.all(
    papier.map(async (courrier) => {
      const original = await lettrePdf(lignesExpediteur(courrier), courrier.dateCourrier, courrier.objet, CORPS);
      const tamponne = await stampFirstPage(original, [`Courrier arrivé n° ${courrier.numero}`, `le ${dateFr(courrier.date)}`]);
      return { courrier, original, tamponne };
    }),
  );
  const fichiersStockes = fileStoreOf(runtime);
  await writeAs(runtime.db.kysely, SYSTEM_ACTOR, async (trx) => {
    const documents: Record<string, string | number>[] = [];
    for (const { courrier, original, tamponne } of fichiers) {
      const nom = `courrier-${courrier.numero}`;
      const brut = await fichiersStockes.storeInTransaction(trx, SYSTEM_ACTOR, { name: `${nom}-original.pdf`, type: 'application/pdf', bytes: original }, COLLECTIVITE);
      const vise = await fichiersStockes.storeInTransaction(trx, SYSTEM_ACTOR, { name: `${nom}.pdf`, type: 'application/pdf', bytes: tamponne }, COLLECTIVITE);
      documents.push({ courrier: courrier.id, date_document: courrier.date, fichier: vise.id, original: brut.id });
    }
    await sql`insert into courrier.document (courrier, libelle, type_document, date_document, fichier, original, om_collectivite)
      select d.courrier, 'Courrier numérisé', 'scan', d.date_document, d.fichier, d.original, ${COLLECTIVITE}
        from json_to_recordset(${JSON.stringify(documents)}::json) as d (courrier integer, date_document date, fichier text, original text)`.execute(trx);
  });
  return fichiers.length;
}

/** Three letters the scanner left in the administrator's intake, waiting to be registered. */
async function ecrireAttente(runtime: IntakeRuntime, db: Db, demo: DemoCourrier, aujourdhui: string): Promise<number> {
  const { rows } = await readAs(db, SYSTEM_ACTOR, (connection) => sql<{ om_utilisateur: number }>`select om_utilisateur from om.om_utilisateur where login = 'admin'`.execute(connection));
  const admin = rows[0] ? await loadActor(db, Number(rows[0].om_utilisateur)) : undefined;
  if (!admin) return 0;
  const particuliers = demo.correspondants.filter((c) => c.type === 'PART');
  const objets = ['Demande de copie intégrale d’acte de naissance', 'Réclamation concernant l’éclairage public rue Voltaire', 'Demande de prêt de la salle des fêtes'];
  for (const [index, objet] of objets.entries()) {
    const correspondant = particuliers[index * 17] ?? particuliers[0];
    if (!correspondant) break;
    const bytes = await lettrePdf(lignesExpediteur({ correspondant }), aujourdhui, objet, CORPS);
    await keepWaitingFile(runtime, admin, { name: `numerisation-${aujourdhui}-${index + 1}.pdf`, type: 'application/pdf', bytes }, 'dossier', 'courrier');
  }
  return objets.length;
}

export async function ecrireScans(runtime: IntakeRuntime, demo: DemoCourrier, aujourdhui: string): Promise<ScansEcrits> {
  const dossiers = await ecrireDossiers(runtime, demo);
  const attente = await ecrireAttente(runtime, runtime.db.kysely, demo, aujourdhui);
  return { dossiers, attente };
}

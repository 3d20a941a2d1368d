/**
 * The small organisation of the courrier's browser journey (e2e/courrier-parcours.test.ts), put in
 * place as the owner before the server starts: Libreville's services DG › URBA, ETAT and the mail
 * room; the agents of the journey's users; natures, catégories (REC: 8 days to answer), civilités,
 * task categories and states; a frequent correspondent (DURAND Jean) and a text of the « bible »;
 * two older mails: a reclamation to URBA whose reply task is late, and a confidential mail of the
 * état civil; and an archived mail of DURAND. Not the demo: only what the story needs.
 */
import PDFKit from 'pdfkit';
import { courrier } from '../../apps/courrier/src/index.ts';
import { readMigrations } from '../../framework/src/db/index.ts';
import type { TestDatabase } from '../../framework/test/support/databases.ts';

export const COURRIER_MIGRATIONS = readMigrations(courrier.migrations).map((migration) => migration.text);

/** Arrival date, number and objet of the older mails (last year: they never take this year's numbers). */
export const ancienCourrier = (annee: number) => ({
  retard: { numero: `${annee - 1}-314`, arrivee: `${annee - 1}-11-03`, butoir: `${annee - 1}-11-11`, objet: 'Réclamation sur l’éclairage de la rue des Palmiers' },
  confidentiel: { numero: `${annee - 1}-315`, arrivee: `${annee - 1}-11-04`, objet: 'Rectification confidentielle d’un acte de naissance' },
  archive: { numero: `${annee - 2}-12`, arrivee: `${annee - 2}-02-10`, objet: 'Demande d’alignement de la clôture' },
});

const service = (code: string, libelle: string, parent: string | null) => `
insert into courrier.service (code, libelle, service_parent, courriel, om_collectivite)
  select '${code}', '${libelle.replaceAll("'", "''")}', ${parent === null ? 'null' : `(select service from courrier.service where code = '${parent}' and om_collectivite = 1)`},
         '${code.toLowerCase()}@libreville.test', 1;`;

/** The fixture, for users `chef`, `agent`, `urba` and `etat` already created. */
export function courrierParcoursSql(annee: number): string {
  const { retard, confidentiel, archive } = ancienCourrier(annee);
  const id = (table: string, code: string) => `(select ${table} from courrier.${table} where code = '${code}' and om_collectivite = 1)`;
  const durand = `(select correspondant from courrier.correspondant where nom = 'DURAND' and om_collectivite = 1)`;
  return `
${service('DG', 'Direction générale', null)}
${service('URBA', 'Urbanisme', 'DG')}
${service('ETAT', 'État civil', null)}
${service('COURRIER', 'Service courrier', null)}
insert into courrier.agent (om_utilisateur, service, tous_services, om_collectivite)
  select u.om_utilisateur, s.service, v.tous, 1
    from (values ('chef', 'COURRIER', true), ('agent', 'COURRIER', true), ('urba', 'URBA', false), ('etat', 'ETAT', false)) as v (login, code, tous)
    join om.om_utilisateur u on u.login = v.login
    join courrier.service s on s.code = v.code and s.om_collectivite = 1;
insert into courrier.nature (code, libelle, om_collectivite) values ('LET', 'Lettre', 1), ('LRAR', 'Lettre recommandée A/R', 1), ('MEL', 'Courriel', 1);
insert into courrier.categorie (code, libelle, delai_reponse, om_collectivite) values ('REC', 'Réclamation', 8, 1), ('INF', 'Information', null, 1);
insert into courrier.civilite (code, libelle, om_collectivite) values ('M', 'Monsieur', 1), ('MME', 'Madame', 1);
insert into courrier.tache_categorie (code, libelle, om_collectivite) values ('REP', 'Attente de réponse', 1), ('INT', 'Intervention', 1);
insert into courrier.tache_etat (code, libelle, om_collectivite) values ('NT', 'Non traité', 1), ('EC', 'En cours', 1), ('TR', 'Traité', 1);
insert into courrier.correspondant (civilite, nom, prenom, adresse1, cp, ville, courriel, om_collectivite)
  values (${id('civilite', 'M')}, 'DURAND', 'Jean', '3 rue des Lilas', '97100', 'Libreville', 'jean.durand@exemple.test', 1);
insert into courrier.bible (libelle, texte, registre, om_collectivite)
  values ('Permis de construire', 'Demande de permis de construire pour une extension', 'arrivee', 1);
insert into courrier.courrier (registre, numero, rang, nature, date_arrivee, date_courrier, correspondant, objet, categorie, reponse_souhaitee, service, om_collectivite)
  values ('arrivee', '${retard.numero}', 314, ${id('nature', 'LET')}, '${retard.arrivee}', '${retard.arrivee}', ${durand}, '${retard.objet.replaceAll("'", "''")}',
          ${id('categorie', 'REC')}, true, ${id('service', 'URBA')}, 1);
insert into courrier.tache (courrier, libelle, tache_categorie, tache_etat, service, date_creation, date_butoir, automatique, om_collectivite)
  select courrier, 'Répondre : ' || objet, ${id('tache_categorie', 'REP')}, ${id('tache_etat', 'NT')}, service, date_arrivee, '${retard.butoir}', true, 1
    from courrier.courrier where numero = '${retard.numero}';
insert into courrier.courrier (registre, numero, rang, nature, date_arrivee, date_courrier, correspondant, objet, service, confidentiel, om_collectivite)
  values ('arrivee', '${confidentiel.numero}', 315, ${id('nature', 'LRAR')}, '${confidentiel.arrivee}', '${confidentiel.arrivee}', ${durand},
          '${confidentiel.objet.replaceAll("'", "''")}', ${id('service', 'ETAT')}, true, 1);
insert into courrier.courrier_archive (courrier, registre, numero, nature_libelle, date_arrivee, date_courrier, correspondant, correspondant_libelle,
    objet, service, service_libelle, donnees, archive_par, om_collectivite)
  values (9001, 'arrivee', '${archive.numero}', 'Lettre', '${archive.arrivee}', '${archive.arrivee}', ${durand}, 'DURAND Jean, 3 rue des Lilas, 97100 Libreville',
          '${archive.objet.replaceAll("'", "''")}', ${id('service', 'URBA')}, 'Urbanisme',
          '{"copies": [], "documents": [], "taches": [], "visas": [], "liens": []}', 'chef', 1);
`;
}

/** Creates the courrier's schema (its migrations) and the journey's fixture. */
export async function preparerCourrier(database: TestDatabase, annee: number): Promise<void> {
  for (const migration of COURRIER_MIGRATIONS) await database.asOwner(migration, 'courrier');
  await database.asOwner(courrierParcoursSql(annee));
}

/** A one-page letter « scanned » (a PDF made with pdfkit), as a scanner would give it. */
export function lettreScannee(texte: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFKit({ size: 'A4' });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.fontSize(12).text(texte, 72, 400);
    document.end();
  });
}

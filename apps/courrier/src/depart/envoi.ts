/**
 * « Envoyer par courriel » a departure mail: the letter is the mail's latest document of type
 * « réponse », attached to a message sent at once through the instance's mailer (the user sees
 * whether it left); the mail is then marked sent and parti.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { Veto, type ActionServices } from '../../../../framework/src/model/override.ts';
import { lireFichier, type LecteurFichiers } from './fichiers.ts';
import { MESSAGES } from './messages.ts';

const COURRIEL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export interface Envoi {
  readonly courrier: number;
  readonly numero: string;
  readonly objet: string;
  readonly correspondant: number;
  /** Typed by the user; empty: the correspondent's e-mail. */
  readonly destinataire: string;
  readonly message: string;
}

/** The file id and label of the mail's latest « réponse » document. */
export async function lettreAEnvoyer(db: Db, courrier: number): Promise<{ fichier: string; libelle: string } | undefined> {
  const { rows } = await sql<{ fichier: string; libelle: string }>`
    select fichier, libelle from courrier.document
     where courrier = ${courrier} and type_document = 'reponse'
     order by date_document desc, document desc limit 1`.execute(db);
  return rows[0];
}

async function courrielDuCorrespondant(db: Db, correspondant: number): Promise<string> {
  const { rows } = await sql<{ courriel: string | null }>`select courriel from courrier.correspondant where correspondant = ${correspondant}`.execute(db);
  return rows[0]?.courriel?.trim() ?? '';
}

/** Sends the letter; returns the address it went to. Refuses (Veto) before sending anything when something is missing. */
export async function envoyerParCourriel(trx: Db, services: ActionServices | undefined, lecteur: LecteurFichiers | undefined, envoi: Envoi): Promise<string> {
  const destinataire = envoi.destinataire.trim() || (await courrielDuCorrespondant(trx, envoi.correspondant));
  if (!COURRIEL.test(destinataire) || destinataire.length > 200) throw new Veto(MESSAGES.destinataireInvalide, { destinataire: MESSAGES.destinataireInvalide });
  const lettre = await lettreAEnvoyer(trx, envoi.courrier);
  if (!lettre) throw new Veto(MESSAGES.sansReponse);
  if (!services || !lecteur) throw new Veto(MESSAGES.fichiersIndisponibles);
  const fichier = await lireFichier(trx, lecteur, lettre.fichier);
  if (!fichier) throw new Veto(MESSAGES.fichierIntrouvable);
  const texte = envoi.message.trim() || `Madame, Monsieur,\n\nVeuillez trouver ci-joint notre courrier n° ${envoi.numero} : ${envoi.objet}.`;
  try {
    await services.mailer.send({
      to: destinataire,
      subject: `Courrier n° ${envoi.numero} — ${envoi.objet}`.slice(0, 250),
      text: texte,
      attachments: [{ filename: fichier.nom, content: fichier.octets, contentType: fichier.type }],
    });
  } catch (error) {
    services.logger.error({ err: error, courrier: envoi.courrier }, 'courrier de départ non envoyé par courriel');
    throw new Veto(MESSAGES.envoiEchoue);
  }
  return destinataire;
}

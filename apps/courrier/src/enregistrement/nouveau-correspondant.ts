/**
 * The « nouveau correspondant » block of the courrier form: extra inputs that create the
 * correspondent in the registration's transaction (refused when the same one exists: the message
 * names it, to be chosen in the list), frequent unless the box is unchecked.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { can } from '../../../../framework/src/access/permissions.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { doublonDe } from '../correspondants/doublon.ts';
import { MESSAGES } from './messages.ts';

/** The block's inputs: name → [column, label, maximum length]. */
export const CHAMPS_NOUVEAU = {
  nouveau_nom: ['nom', 'Nom', 100],
  nouveau_prenom: ['prenom', 'Prénom', 60],
  nouveau_organisme: ['organisme', 'Organisme', 100],
  nouveau_adresse: ['adresse1', 'Adresse', 100],
  nouveau_cp: ['cp', 'Code postal', 10],
  nouveau_ville: ['ville', 'Ville', 60],
  nouveau_courriel: ['courriel', 'Courriel', 100],
} as const satisfies Record<string, readonly [string, string, number]>;

export const NOUVEAU_CIVILITE = 'nouveau_civilite';
export const NOUVEAU_TYPE = 'nouveau_type';
export const NOUVEAU_FREQUENT = 'nouveau_frequent';

export const ENTREES_NOUVEAU: readonly string[] = [NOUVEAU_CIVILITE, ...Object.keys(CHAMPS_NOUVEAU), NOUVEAU_TYPE, NOUVEAU_FREQUENT];

const texte = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);

function entier(value: unknown, champ: string, label: string): number | null {
  const lu = texte(value);
  if (lu === null) return null;
  if (!/^\d{1,9}$/.test(lu)) throw new Veto(`Le champ « ${label} » n’est pas un choix valide.`, { [champ]: `Le champ « ${label} » n’est pas un choix valide.` });
  return Number(lu);
}

const coche = (value: unknown): boolean =>
  value === undefined || value === null || value === true || (typeof value === 'string' && ['true', 't', '1', 'on', 'oui'].includes(value.trim().toLowerCase()));

/** Whether the block was filled (any of its text inputs). */
export const nouveauSaisi = (input: Readonly<Row>): boolean => Object.keys(CHAMPS_NOUVEAU).some((name) => texte(input[name]) !== null);

/**
 * Creates the correspondent of the block; returns its key. `frequent`: the box, checked when not
 * sent (an API client that does not know it).
 */
export async function creerNouveauCorrespondant(trx: Db, actor: Actor, input: Readonly<Row>, collectivite: number): Promise<number> {
  if (!can(actor, { app: 'courrier', name: 'correspondant' }, 'ajouter')) throw new Veto(MESSAGES.correspondantNonAutorise, { nouveau_nom: MESSAGES.correspondantNonAutorise });
  const colonnes: Record<string, string | null> = {};
  const erreurs: Record<string, string> = {};
  for (const [entree, [colonne, label, max]] of Object.entries(CHAMPS_NOUVEAU)) {
    const valeur = texte(input[entree]);
    if (valeur !== null && [...valeur].length > max) erreurs[entree] = MESSAGES.trop(label, max);
    colonnes[colonne] = valeur;
  }
  if (colonnes['nom'] === null || colonnes['nom'] === undefined) erreurs['nouveau_nom'] = MESSAGES.correspondantObligatoire;
  if (Object.keys(erreurs).length > 0) throw new Veto(Object.values(erreurs)[0] ?? '', erreurs);
  const nom = colonnes['nom'] as string;
  const doublon = await doublonDe(trx, { nom, prenom: colonnes['prenom'] ?? null, adresse1: colonnes['adresse1'] ?? null, cp: colonnes['cp'] ?? null }, collectivite);
  if (doublon) throw new Veto(MESSAGES.doublon(doublon.libelle), { nouveau_nom: MESSAGES.doublon(doublon.libelle) });
  const civilite = entier(input[NOUVEAU_CIVILITE], NOUVEAU_CIVILITE, 'Civilité');
  const type = entier(input[NOUVEAU_TYPE], NOUVEAU_TYPE, 'Type de correspondant');
  const { rows } = await sql<{ correspondant: number }>`
    insert into courrier.correspondant (civilite, nom, prenom, organisme, adresse1, cp, ville, courriel, correspondant_type, frequent, om_collectivite)
    select ${civilite}::integer, ${nom}, ${colonnes['prenom'] ?? null}, ${colonnes['organisme'] ?? null}, ${colonnes['adresse1'] ?? null},
           ${colonnes['cp'] ?? null}, ${colonnes['ville'] ?? null}, ${colonnes['courriel'] ?? null}, ${type}::integer, ${coche(input[NOUVEAU_FREQUENT])},
           ${collectivite}::integer
     where (${civilite}::integer is null or exists (select from courrier.civilite where civilite = ${civilite}::integer and om_collectivite = ${collectivite}::integer))
       and (${type}::integer is null or exists (select from courrier.correspondant_type where correspondant_type = ${type}::integer and om_collectivite = ${collectivite}::integer))
    returning correspondant`.execute(trx);
  const cree = rows[0];
  if (!cree) throw new Veto('La civilité ou le type de correspondant choisi n’existe pas.', { [civilite !== null ? NOUVEAU_CIVILITE : NOUVEAU_TYPE]: 'Ce choix n’existe pas.' });
  return Number(cree.correspondant);
}

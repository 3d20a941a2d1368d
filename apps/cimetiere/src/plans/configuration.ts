/**
 * La carte des emplacements d’une collectivité (moteur de cartes, tables om_sig_*) : en Lambert-93,
 * les périmètres des cimetières, les zones, les voies et les emplacements colorés selon leur état,
 * avec la légende. La carte d’un objet est propre à chaque collectivité : la démonstration (ou
 * l’administrateur) l’écrit par `configurerPlans`, qui ne l’écrit jamais deux fois.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export const OBJET_PLAN = 'cimetiere.emplacement';

export type EtatEmplacement = 'libre' | 'occupe' | 'a_terme' | 'en_reprise';

/** Couleurs lisibles sur fond clair (contraste d’au moins 3:1), et un libellé par état dans la légende. */
export const LEGENDE_ETATS: readonly { readonly valeur: EtatEmplacement; readonly libelle: string; readonly couleur: string }[] = [
  { valeur: 'libre', libelle: 'Libre', couleur: '#1b7a3a' },
  { valeur: 'occupe', libelle: 'Occupé', couleur: '#3d5a80' },
  { valeur: 'a_terme', libelle: 'À terme', couleur: '#b35900' },
  { valeur: 'en_reprise', libelle: 'En reprise', couleur: '#b3261e' },
];

export interface CouchePlan {
  readonly libelle: string;
  readonly table: 'cimetiere' | 'zone' | 'voie' | 'emplacement';
  readonly champGeometrie: string;
  readonly champStyle: string | null;
  readonly ordre: number;
}

/** Du dessous au dessus : le périmètre, les zones, les voies, les emplacements. */
export const COUCHES_PLAN: readonly CouchePlan[] = [
  { libelle: 'Cimetières', table: 'cimetiere', champGeometrie: 'perimetre', champStyle: null, ordre: 1 },
  { libelle: 'Zones', table: 'zone', champGeometrie: 'geom', champStyle: null, ordre: 2 },
  { libelle: 'Voies', table: 'voie', champGeometrie: 'geom', champStyle: null, ordre: 3 },
  { libelle: 'Emplacements', table: 'emplacement', champGeometrie: 'geom', champStyle: 'etat', ordre: 4 },
];

/**
 * Écrit la carte des emplacements de la collectivité si elle n’en a pas : `db` écrit dans om.* pour
 * cette collectivité (propriétaire du schéma, ou une connexion de cette collectivité). Rend
 * l’identifiant de la carte (la nouvelle ou celle qui existait).
 */
export async function configurerPlans(db: Db, collectivite: number): Promise<number> {
  const existante = (await sql<{ om_sig_carte: number }>`select om_sig_carte from om.om_sig_carte
    where om_collectivite = ${collectivite} and objet = ${OBJET_PLAN}`.execute(db)).rows[0];
  if (existante) return Number(existante.om_sig_carte);
  const carte = (await sql<{ om_sig_carte: number }>`insert into om.om_sig_carte (om_collectivite, libelle, objet, projection)
    values (${collectivite}, 'Plan des cimetières', ${OBJET_PLAN}, 'EPSG:2154') returning om_sig_carte`.execute(db)).rows[0];
  if (!carte) throw new Error('carte des cimetières non écrite');
  const idCarte = Number(carte.om_sig_carte);
  for (const couche of COUCHES_PLAN) {
    const ecrite = (await sql<{ om_sig_couche: number }>`insert into om.om_sig_couche
        (om_collectivite, om_sig_carte, libelle, objet, champ_geometrie, champ_style, ordre, visible)
      values (${collectivite}, ${idCarte}, ${couche.libelle}, ${`cimetiere.${couche.table}`}, ${couche.champGeometrie}, ${couche.champStyle}, ${couche.ordre}, true)
      returning om_sig_couche`.execute(db)).rows[0];
    if (!ecrite || couche.champStyle === null) continue;
    for (const entree of LEGENDE_ETATS) {
      await sql`insert into om.om_sig_legende (om_collectivite, om_sig_couche, valeur, libelle, couleur)
        values (${collectivite}, ${ecrite.om_sig_couche}, ${entree.valeur}, ${entree.libelle}, ${entree.couleur})`.execute(db);
    }
  }
  return idCarte;
}

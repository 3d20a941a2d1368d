/** Addresses of « Administration › Connexion fédérée ». */
const BASE = '/administration/connexion-federee';

export const IDENTITE_PATHS = {
  providers: BASE,
  newProvider: `${BASE}/nouveau`,
  provider: (id: number) => `${BASE}/${id}`,
  discovery: (id: number) => `${BASE}/${id}/decouverte`,
  removeProvider: (id: number) => `${BASE}/${id}/supprimer`,
  sirets: `${BASE}/sirets`,
  removeSiret: (siret: string) => `${BASE}/sirets/${encodeURIComponent(siret)}/supprimer`,
  held: `${BASE}/attente`,
  heldOne: (id: number) => `${BASE}/attente/${id}`,
  accept: (id: number) => `${BASE}/attente/${id}/accepter`,
  refuse: (id: number) => `${BASE}/attente/${id}/refuser`,
} as const;

/** Who administers accounts administers federated sign-in (the annuaire's permission). */
export const IDENTITE_PERMISSION = 'om_utilisateur';

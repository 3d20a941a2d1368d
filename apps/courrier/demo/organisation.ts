/**
 * Libreville's organisation for the mail registry: fifteen services in a hierarchy (the direction
 * générale over urbanisme, itself over voirie and espaces verts…), the agents who work in them
 * (demo users: no known password) and the municipal council (twenty élus).
 */

export interface ServiceDemo {
  readonly code: string;
  readonly libelle: string;
  readonly parent: string | null;
  /** Share of the arrivals routed to the service. */
  readonly poids: number;
}

export const SERVICES: readonly ServiceDemo[] = [
  { code: 'DG', libelle: 'Direction générale', parent: null, poids: 6 },
  { code: 'CAB', libelle: 'Cabinet du maire', parent: null, poids: 9 },
  { code: 'URBA', libelle: 'Urbanisme', parent: 'DG', poids: 12 },
  { code: 'VOIRIE', libelle: 'Voirie', parent: 'URBA', poids: 9 },
  { code: 'EV', libelle: 'Espaces verts', parent: 'URBA', poids: 4 },
  { code: 'ETAT', libelle: 'État civil et élections', parent: 'DG', poids: 13 },
  { code: 'CCAS', libelle: 'Centre communal d’action sociale', parent: 'DG', poids: 7 },
  { code: 'EDUC', libelle: 'Éducation', parent: 'DG', poids: 7 },
  { code: 'CULT', libelle: 'Culture', parent: 'DG', poids: 5 },
  { code: 'SPORT', libelle: 'Sports', parent: 'DG', poids: 5 },
  { code: 'FIN', libelle: 'Finances', parent: 'DG', poids: 7 },
  { code: 'RH', libelle: 'Ressources humaines', parent: 'DG', poids: 6 },
  { code: 'ST', libelle: 'Services techniques', parent: 'DG', poids: 6 },
  { code: 'PM', libelle: 'Police municipale', parent: 'DG', poids: 4 },
  { code: 'COURRIER', libelle: 'Service courrier', parent: 'DG', poids: 0 },
];

export const courrielDuService = (code: string): string => `${code.toLowerCase()}@libreville.fr`;

export interface AgentDemo {
  readonly prenom: string;
  readonly nom: string;
  readonly service: string;
  readonly profil: 'SUPER UTILISATEUR' | 'UTILISATEUR';
  readonly tousServices: boolean;
}

/** One agent per service, two in the mail room (its head and an agent). */
export const AGENTS: readonly AgentDemo[] = [
  { prenom: 'Hélène', nom: 'Marchand', service: 'COURRIER', profil: 'SUPER UTILISATEUR', tousServices: true },
  { prenom: 'Kévin', nom: 'Lebrun', service: 'COURRIER', profil: 'UTILISATEUR', tousServices: true },
  { prenom: 'Philippe', nom: 'Garnier', service: 'DG', profil: 'SUPER UTILISATEUR', tousServices: true },
  { prenom: 'Sophie', nom: 'Lambert', service: 'CAB', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Julien', nom: 'Fontaine', service: 'URBA', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Cédric', nom: 'Roussel', service: 'VOIRIE', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Audrey', nom: 'Meunier', service: 'EV', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Nathalie', nom: 'Girard', service: 'ETAT', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Isabelle', nom: 'Perrin', service: 'CCAS', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Thomas', nom: 'Chevalier', service: 'EDUC', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Camille', nom: 'Rivière', service: 'CULT', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Maxime', nom: 'Barbier', service: 'SPORT', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Sandrine', nom: 'Aubert', service: 'FIN', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Véronique', nom: 'Colin', service: 'RH', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Stéphane', nom: 'Renaud', service: 'ST', profil: 'UTILISATEUR', tousServices: false },
  { prenom: 'Loïc', nom: 'Picard', service: 'PM', profil: 'UTILISATEUR', tousServices: false },
];

/** `prenom.nom` without accents, spaces or apostrophes: « helene.marchand ». */
export function loginDe(agent: Pick<AgentDemo, 'prenom' | 'nom'>): string {
  const plie = (texte: string) =>
    texte
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${plie(agent.prenom)}.${plie(agent.nom)}`.slice(0, 30);
}

export interface EluDemo {
  readonly civilite: 'M' | 'MME';
  readonly prenom: string;
  readonly nom: string;
  readonly fonction: string;
  readonly copieAuto: boolean;
}

export const ELUS: readonly EluDemo[] = [
  { civilite: 'MME', prenom: 'Françoise', nom: 'Delaunay', fonction: 'Maire', copieAuto: true },
  { civilite: 'M', prenom: 'Bernard', nom: 'Morel', fonction: 'Premier adjoint, chargé des finances', copieAuto: true },
  { civilite: 'MME', prenom: 'Catherine', nom: 'Lemoine', fonction: 'Adjointe à l’urbanisme', copieAuto: true },
  { civilite: 'M', prenom: 'Jean-Pierre', nom: 'Vidal', fonction: 'Adjoint aux travaux et à la voirie', copieAuto: false },
  { civilite: 'MME', prenom: 'Martine', nom: 'Fabre', fonction: 'Adjointe aux affaires sociales', copieAuto: false },
  { civilite: 'M', prenom: 'Patrick', nom: 'Dumas', fonction: 'Adjoint à l’éducation', copieAuto: false },
  { civilite: 'MME', prenom: 'Sylvie', nom: 'Lacroix', fonction: 'Adjointe à la culture', copieAuto: false },
  { civilite: 'M', prenom: 'Alain', nom: 'Rolland', fonction: 'Adjoint aux sports et à la vie associative', copieAuto: false },
  { civilite: 'MME', prenom: 'Christine', nom: 'Guillot', fonction: 'Adjointe à la sécurité', copieAuto: false },
  { civilite: 'M', prenom: 'Nicolas', nom: 'Huet', fonction: 'Conseiller municipal délégué à l’environnement', copieAuto: false },
  { civilite: 'MME', prenom: 'Julie', nom: 'Moulin', fonction: 'Conseillère municipale déléguée à la jeunesse', copieAuto: false },
  { civilite: 'M', prenom: 'Gilles', nom: 'Berger', fonction: 'Conseiller municipal', copieAuto: false },
  { civilite: 'MME', prenom: 'Anne', nom: 'Carpentier', fonction: 'Conseillère municipale', copieAuto: false },
  { civilite: 'M', prenom: 'Romain', nom: 'Deschamps', fonction: 'Conseiller municipal', copieAuto: false },
  { civilite: 'MME', prenom: 'Aurélie', nom: 'Vasseur', fonction: 'Conseillère municipale', copieAuto: false },
  { civilite: 'M', prenom: 'Serge', nom: 'Boucher', fonction: 'Conseiller municipal', copieAuto: false },
  { civilite: 'MME', prenom: 'Élodie', nom: 'Fleury', fonction: 'Conseillère municipale', copieAuto: false },
  { civilite: 'M', prenom: 'Yves', nom: 'Royer', fonction: 'Conseiller municipal', copieAuto: false },
  { civilite: 'MME', prenom: 'Chantal', nom: 'Poirier', fonction: 'Conseillère municipale', copieAuto: false },
  { civilite: 'M', prenom: 'Frédéric', nom: 'Marty', fonction: 'Conseiller municipal', copieAuto: false },
];

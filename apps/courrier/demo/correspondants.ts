/**
 * The organisations Libreville's town hall writes to and hears from: administrations (with the
 * service they mostly write to), companies and associations of the town. People are drawn from the
 * elections' name lists (apps/elections/demo/noms.ts) with Libreville's streets.
 */

export interface OrganismeDemo {
  readonly nom: string;
  readonly adresse1: string;
  readonly cp: string;
  readonly ville: string;
  readonly courriel: string;
  /** The services whose mail it mostly is. */
  readonly services: readonly string[];
}

export const ADMINISTRATIONS: readonly OrganismeDemo[] = [
  { nom: 'Préfecture de la Sarthe-et-Loire', adresse1: '1 place de la Préfecture', cp: '00200', ville: 'Chef-Lieu', courriel: 'courrier@prefecture.gouv.example', services: ['DG', 'CAB', 'ETAT', 'PM'] },
  { nom: 'Sous-préfecture de Libreville', adresse1: '5 rue de la Sous-Préfecture', cp: '00100', ville: 'Libreville', courriel: 'sp-libreville@prefecture.gouv.example', services: ['DG', 'ETAT'] },
  { nom: 'Conseil départemental', adresse1: '10 boulevard du Département', cp: '00200', ville: 'Chef-Lieu', courriel: 'contact@departement.example', services: ['CCAS', 'VOIRIE', 'DG'] },
  { nom: 'Conseil régional', adresse1: '1 esplanade de la Région', cp: '00300', ville: 'Capitale-Régionale', courriel: 'contact@region.example', services: ['DG', 'EDUC', 'SPORT'] },
  { nom: 'Caisse d’allocations familiales', adresse1: '12 rue de la Solidarité', cp: '00200', ville: 'Chef-Lieu', courriel: 'partenaires@caf.example', services: ['CCAS', 'EDUC'] },
  { nom: 'Caisse primaire d’assurance maladie', adresse1: '8 avenue de la Santé', cp: '00200', ville: 'Chef-Lieu', courriel: 'partenaires@cpam.example', services: ['RH', 'CCAS'] },
  { nom: 'URSSAF', adresse1: '3 rue des Cotisations', cp: '00200', ville: 'Chef-Lieu', courriel: 'collectivites@urssaf.example', services: ['RH', 'FIN'] },
  { nom: 'Direction départementale des territoires', adresse1: '19 rue de l’Équipement', cp: '00200', ville: 'Chef-Lieu', courriel: 'ddt@territoires.gouv.example', services: ['URBA', 'VOIRIE', 'EV'] },
  { nom: 'Service de gestion comptable', adresse1: '2 place du Trésor', cp: '00100', ville: 'Libreville', courriel: 'sgc.libreville@dgfip.finances.gouv.example', services: ['FIN'] },
  { nom: 'France Travail', adresse1: '14 rue de l’Emploi', cp: '00100', ville: 'Libreville', courriel: 'entreprise.libreville@francetravail.example', services: ['RH', 'CCAS'] },
  { nom: 'Gendarmerie nationale, brigade de Libreville', adresse1: '7 route de la Caserne', cp: '00110', ville: 'Libreville', courriel: 'bta.libreville@gendarmerie.interieur.gouv.example', services: ['PM', 'CAB'] },
  { nom: 'Tribunal judiciaire', adresse1: '1 place de la Justice', cp: '00200', ville: 'Chef-Lieu', courriel: 'greffe@justice.example', services: ['ETAT'] },
  { nom: 'Direction des services départementaux de l’éducation nationale', adresse1: '4 rue de l’Académie', cp: '00200', ville: 'Chef-Lieu', courriel: 'dsden@ac.example', services: ['EDUC'] },
  { nom: 'Agence régionale de santé', adresse1: '6 quai de la Santé', cp: '00300', ville: 'Capitale-Régionale', courriel: 'ars-dt@ars.sante.example', services: ['CCAS', 'ST'] },
  { nom: 'Service départemental d’incendie et de secours', adresse1: '20 avenue des Pompiers', cp: '00200', ville: 'Chef-Lieu', courriel: 'prevention@sdis.example', services: ['ST', 'PM', 'URBA'] },
  { nom: 'Institut national de la statistique et des études économiques', adresse1: '88 avenue Verdier', cp: '00400', ville: 'Montrouge', courriel: 'etat-civil@insee.example', services: ['ETAT'] },
  { nom: 'Communauté de communes du Pays de Libreville', adresse1: '3 rue de l’Intercommunalité', cp: '00100', ville: 'Libreville', courriel: 'contact@cc-libreville.example', services: ['DG', 'ST', 'URBA'] },
  { nom: 'Syndicat des eaux de la vallée', adresse1: '11 chemin du Château d’eau', cp: '00110', ville: 'Libreville', courriel: 'contact@eaux-vallee.example', services: ['ST', 'VOIRIE'] },
  { nom: 'Centre de gestion de la fonction publique territoriale', adresse1: '9 rue des Agents', cp: '00200', ville: 'Chef-Lieu', courriel: 'contact@cdg.example', services: ['RH'] },
  { nom: 'Architecte des Bâtiments de France', adresse1: '2 rue du Patrimoine', cp: '00200', ville: 'Chef-Lieu', courriel: 'udap@culture.gouv.example', services: ['URBA'] },
];

export const ENTREPRISES: readonly OrganismeDemo[] = [
  { nom: 'Enedis', adresse1: '30 rue de l’Énergie', cp: '00200', ville: 'Chef-Lieu', courriel: 'collectivites@enedis.example', services: ['ST', 'VOIRIE', 'URBA'] },
  { nom: 'GRDF', adresse1: '18 rue du Gaz', cp: '00200', ville: 'Chef-Lieu', courriel: 'collectivites@grdf.example', services: ['ST', 'VOIRIE'] },
  { nom: 'La Poste, direction régionale', adresse1: '1 place de la Poste', cp: '00100', ville: 'Libreville', courriel: 'collectivites@laposte.example', services: ['DG', 'FIN'] },
  { nom: 'Orange, unité d’intervention', adresse1: '5 avenue des Télécoms', cp: '00200', ville: 'Chef-Lieu', courriel: 'collectivites@orange.example', services: ['VOIRIE', 'URBA'] },
  { nom: 'Colas Centre-Ouest', adresse1: 'Zone artisanale des Prés', cp: '00110', ville: 'Libreville', courriel: 'agence@colas.example', services: ['VOIRIE', 'FIN'] },
  { nom: 'Transports Martin', adresse1: '4 rue de la Gare', cp: '00100', ville: 'Libreville', courriel: 'contact@transports-martin.example', services: ['EDUC', 'FIN'] },
  { nom: 'SARL Bâti Libre', adresse1: '22 rue des Artisans', cp: '00110', ville: 'Libreville', courriel: 'contact@batilibre.example', services: ['URBA', 'ST'] },
  { nom: 'Restauration collective du Val', adresse1: '8 rue de la Cantine', cp: '00110', ville: 'Libreville', courriel: 'contact@resto-val.example', services: ['EDUC', 'FIN'] },
  { nom: 'Paysages et Jardins Dupuis', adresse1: '15 chemin des Serres', cp: '00110', ville: 'Libreville', courriel: 'contact@jardins-dupuis.example', services: ['EV', 'FIN'] },
  { nom: 'Imprimerie du Centre', adresse1: '3 rue Gutenberg', cp: '00100', ville: 'Libreville', courriel: 'devis@imprimerie-centre.example', services: ['CAB', 'CULT', 'FIN'] },
  { nom: 'Banque des Territoires', adresse1: '56 rue de Lille', cp: '00500', ville: 'Paris', courriel: 'collectivites@banquedesterritoires.example', services: ['FIN', 'DG'] },
  { nom: 'Cabinet d’études Géo-Ouest', adresse1: '7 rue des Géomètres', cp: '00200', ville: 'Chef-Lieu', courriel: 'contact@geo-ouest.example', services: ['URBA'] },
  { nom: 'Ascenseurs Fiables', adresse1: '12 rue de la Mécanique', cp: '00200', ville: 'Chef-Lieu', courriel: 'maintenance@ascenseurs.example', services: ['ST'] },
  { nom: 'Société d’économie mixte Libreville Habitat', adresse1: '1 rue de l’Habitat', cp: '00100', ville: 'Libreville', courriel: 'direction@libreville-habitat.example', services: ['URBA', 'CCAS', 'DG'] },
];

/** Trades of the town's small companies (« Boulangerie Martin », « Garage Petit »…). */
export const METIERS: readonly string[] = [
  'Boulangerie', 'Garage', 'Pharmacie', 'Boucherie', 'Fleuriste', 'Entreprise de maçonnerie', 'Plomberie', 'Électricité générale',
  'Menuiserie', 'Café-restaurant', 'Auto-école', 'Cabinet d’architecture', 'Agence immobilière', 'Taxi', 'Salon de coiffure',
  'Épicerie', 'Librairie', 'Couverture et zinguerie', 'Paysagiste', 'Cabinet infirmier',
];

export const ASSOCIATIONS: readonly { readonly nom: string; readonly services: readonly string[] }[] = [
  { nom: 'Comité des fêtes de Libreville', services: ['CAB', 'CULT'] },
  { nom: 'Union sportive de Libreville, football', services: ['SPORT'] },
  { nom: 'Libreville Basket Club', services: ['SPORT'] },
  { nom: 'Tennis club des Tilleuls', services: ['SPORT'] },
  { nom: 'Judo club librevillois', services: ['SPORT'] },
  { nom: 'Les Amis de la médiathèque', services: ['CULT'] },
  { nom: 'Harmonie municipale', services: ['CULT'] },
  { nom: 'Théâtre du Moulin', services: ['CULT'] },
  { nom: 'Association des parents d’élèves Jules-Ferry', services: ['EDUC'] },
  { nom: 'Association des parents d’élèves du Parc', services: ['EDUC'] },
  { nom: 'Restos du cœur, antenne de Libreville', services: ['CCAS'] },
  { nom: 'Secours populaire, comité de Libreville', services: ['CCAS'] },
  { nom: 'Club des aînés des Coteaux', services: ['CCAS', 'CULT'] },
  { nom: 'Association de quartier des Vignes', services: ['CAB', 'VOIRIE'] },
  { nom: 'Association de quartier du Centre', services: ['CAB', 'VOIRIE'] },
  { nom: 'Union commerciale de Libreville', services: ['CAB', 'DG'] },
  { nom: 'Société de pêche La Truite', services: ['EV', 'SPORT'] },
  { nom: 'Amicale des sapeurs-pompiers', services: ['CAB'] },
  { nom: 'Jardins partagés des Tilleuls', services: ['EV'] },
  { nom: 'Anciens combattants, section de Libreville', services: ['CAB'] },
  { nom: 'Croix-Rouge, unité locale', services: ['CCAS'] },
  { nom: 'Ludothèque Le Dé Bleu', services: ['CULT', 'EDUC'] },
];

/**
 * The people of the demo: identity, birth, nationality and address, drawn from weighted lists
 * with a seeded generator. Pure: the caller gives the communes of birth and the streets.
 */
import { bureauOfNumber, type DemoRange } from './decoupage.ts';
import {
  EUROPEENS,
  NAISSANCES_ETRANGER,
  NOMS,
  PRENOMS_FEMININS_ANCIENS,
  PRENOMS_FEMININS_RECENTS,
  PRENOMS_MASCULINS_ANCIENS,
  PRENOMS_MASCULINS_RECENTS,
  VILLES_ALGERIE,
} from './noms.ts';
import { byRank, Random, Weighted } from './random.ts';

export interface Personne {
  readonly civilite: 'M.' | 'Mme';
  readonly sexe: 'M' | 'F';
  readonly nom: string;
  readonly nom_usage: string | null;
  readonly prenoms: string;
  readonly date_naissance: string;
  readonly naissance_lieu: 'france' | 'etranger' | 'algerie';
  readonly commune_naissance: string | null;
  readonly pays_naissance: string | null;
  readonly departement_algerie: string | null;
  readonly libelle_lieu_naissance: string | null;
  readonly nationalite: string;
  /** Index of the voie in the demo's list (the last one is NC1). */
  readonly voie: number;
  readonly numero: number;
  readonly complement_numero: string | null;
  readonly complement: string | null;
  readonly contact_adresse: string | null;
  readonly contact_complement: string | null;
  readonly contact_code_postal: string | null;
  readonly contact_ville: string | null;
  readonly telephone: string | null;
  readonly courriel: string | null;
  /** Index of the bureau in the demo's list. */
  readonly bureau: number;
  readonly bureau_force: boolean;
  readonly motif_bureau_force: string | null;
}

export interface Territoire {
  /** INSEE codes of the communes of birth, with their weight (population). */
  readonly communes: Weighted<string>;
  /** Highest number of each voie (NC1 last, with 0). */
  readonly voies: readonly number[];
  /** Each voie's découpage, by voie index. */
  readonly decoupage: ReadonlyMap<number, readonly DemoRange[]>;
  readonly bureaux: number;
}

const noms = new Weighted(NOMS, byRank(8));
const etranger = new Weighted(NAISSANCES_ETRANGER, (item) => item.poids);
const prenoms = {
  F: { anciens: new Weighted(PRENOMS_FEMININS_ANCIENS, byRank(5)), recents: new Weighted(PRENOMS_FEMININS_RECENTS, byRank(5)) },
  M: { anciens: new Weighted(PRENOMS_MASCULINS_ANCIENS, byRank(5)), recents: new Weighted(PRENOMS_MASCULINS_RECENTS, byRank(5)) },
};
const COMPLEMENTS = ['Bâtiment A', 'Bâtiment B', 'Résidence les Tilleuls', 'Appartement 12', 'Appartement 3', 'Escalier C, 2e étage', 'Le Clos fleuri'];
const VILLES_CONTACT = [
  { ville: 'Lyon', codePostal: '69007' },
  { ville: 'Rennes', codePostal: '35000' },
  { ville: 'Bordeaux', codePostal: '33000' },
  { ville: 'Lille', codePostal: '59000' },
  { ville: 'Toulouse', codePostal: '31000' },
];

const pad = (value: number) => String(value).padStart(2, '0');
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’' ]/g, '')
    .toLowerCase();

/** A birth date: years 1930–2008, fewer of the oldest. */
function dateNaissance(random: Random): string {
  let year = random.int(1930, 2008);
  while (year < 1950 && !random.chance((year - 1925) / 25)) year = random.int(1930, 2008);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${pad(month)}-${pad(day)}`;
}

function telephone(random: Random): string {
  const digits = Array.from({ length: 4 }, () => pad(random.int(0, 99)));
  return `0${random.chance(0.7) ? random.pick(['6', '7']) : random.pick(['1', '2', '3', '4', '5'])} ${digits.join(' ')}`;
}

interface Naissance {
  readonly naissance_lieu: Personne['naissance_lieu'];
  readonly commune_naissance: string | null;
  readonly pays_naissance: string | null;
  readonly departement_algerie: string | null;
  readonly libelle_lieu_naissance: string | null;
}

function naissanceFrance(random: Random, territoire: Territoire): Naissance {
  return { naissance_lieu: 'france', commune_naissance: territoire.communes.draw(random), pays_naissance: null, departement_algerie: null, libelle_lieu_naissance: null };
}

function naissanceAlgerie(random: Random): Naissance {
  const departement = random.pick(Object.keys(VILLES_ALGERIE));
  return { naissance_lieu: 'algerie', commune_naissance: null, pays_naissance: null, departement_algerie: departement, libelle_lieu_naissance: random.pick(VILLES_ALGERIE[departement] ?? ['Alger']) };
}

function naissanceEtranger(random: Random, annee: number): Naissance {
  const lieu = etranger.draw(random);
  // Born in Algeria before its independence: a former French département, not a country.
  if (lieu.pays === '99352' && annee < 1962) return naissanceAlgerie(random);
  return { naissance_lieu: 'etranger', commune_naissance: null, pays_naissance: lieu.pays, departement_algerie: null, libelle_lieu_naissance: random.pick(lieu.villes) };
}

/** A street address: a voie by its length, a number on it, the bureau of the découpage. */
export function adresse(random: Random, territoire: Territoire): Pick<Personne, 'voie' | 'numero' | 'complement_numero' | 'complement' | 'bureau'> {
  const nc1 = territoire.voies.length - 1;
  const voie = random.chance(0.01) ? nc1 : random.int(0, nc1 - 1);
  const numero = voie === nc1 ? 0 : random.int(1, territoire.voies[voie] ?? 1);
  const ranges = territoire.decoupage.get(voie) ?? [];
  return {
    voie,
    numero,
    complement_numero: numero > 0 && random.chance(0.05) ? random.pick(['bis', 'bis', 'bis', 'ter']) : null,
    complement: random.chance(0.1) ? random.pick(COMPLEMENTS) : null,
    bureau: bureauOfNumber(ranges, numero),
  };
}

function contact(random: Random, prenom: string, nom: string): Pick<Personne, 'contact_adresse' | 'contact_complement' | 'contact_code_postal' | 'contact_ville' | 'telephone' | 'courriel'> {
  const ailleurs = random.chance(0.03) ? random.pick(VILLES_CONTACT) : undefined;
  return {
    contact_adresse: ailleurs ? `${random.int(1, 80)} rue ${random.pick(['de la Liberté', 'Nationale', 'du Port', 'des Lilas'])}` : null,
    contact_complement: ailleurs && random.chance(0.5) ? 'Résidence universitaire' : null,
    contact_code_postal: ailleurs?.codePostal ?? null,
    contact_ville: ailleurs?.ville ?? null,
    telephone: random.chance(0.4) ? telephone(random) : null,
    courriel: random.chance(0.25) ? `${ascii(prenom)}.${ascii(nom)}${random.int(1, 99)}@exemple.fr` : null,
  };
}

/** A French elector of the commune. */
export function electeurFrancais(random: Random, territoire: Territoire): Personne {
  const sexe = random.chance(0.52) ? 'F' : 'M';
  const date = dateNaissance(random);
  const annee = Number(date.slice(0, 4));
  const generation = annee < 1975 ? 'anciens' : 'recents';
  const premier = prenoms[sexe][generation].draw(random);
  const second = random.chance(0.4) ? prenoms[sexe][generation].draw(random) : undefined;
  const nom = noms.draw(random);
  const marieeAvecNomUsage = sexe === 'F' && annee < 2000 && random.chance(0.45);
  const naissance =
    annee < 1962 && random.chance(0.05) ? naissanceAlgerie(random) : random.chance(0.08) ? naissanceEtranger(random, annee) : naissanceFrance(random, territoire);
  const lieu = adresse(random, territoire);
  const force = random.chance(0.005);
  return {
    civilite: sexe === 'F' ? 'Mme' : 'M.',
    sexe,
    nom,
    nom_usage: marieeAvecNomUsage ? noms.draw(random) : null,
    prenoms: second && second !== premier ? `${premier} ${second}` : premier,
    date_naissance: date,
    ...naissance,
    nationalite: 'FRA',
    ...lieu,
    ...(force ? { bureau: (lieu.bureau + 1) % territoire.bureaux } : {}),
    bureau_force: force,
    motif_bureau_force: force ? 'Personne à mobilité réduite : bureau de plain-pied' : null,
    ...contact(random, premier, nom),
  };
}

/** A citizen of another Member State, born in their country, living in the commune. */
export function electeurEuropeen(random: Random, territoire: Territoire): Personne {
  const pays = random.pick(EUROPEENS);
  const sexe = random.chance(0.5) ? 'F' : 'M';
  const premier = random.pick(sexe === 'F' ? pays.prenomsF : pays.prenomsM);
  const nom = random.pick(pays.noms);
  return {
    civilite: sexe === 'F' ? 'Mme' : 'M.',
    sexe,
    nom,
    nom_usage: null,
    prenoms: premier,
    date_naissance: dateNaissance(random),
    naissance_lieu: 'etranger',
    commune_naissance: null,
    pays_naissance: pays.pays,
    departement_algerie: null,
    libelle_lieu_naissance: random.pick(pays.villes),
    nationalite: pays.nationalite,
    ...adresse(random, territoire),
    bureau_force: false,
    motif_bureau_force: null,
    ...contact(random, premier, nom),
  };
}

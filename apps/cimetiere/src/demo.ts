/**
 * Libreville's cemeteries (collectivité 1), deterministic (seeded): « Cimetière du Centre » (1 000
 * emplacements) and « Cimetière des Tilleuls » (500) with their carrés, allées and places drawn in
 * Lambert-93; concessions of every duration sold across a century with their acts numbered by year,
 * some renewed, about forty reaching their term this year; families, concessionnaires and ayants
 * droit; défunts from 1925 on (urns, réductions, a few exhumed); an ossuaire, a dépositoire, a
 * colombarium, terrains communaux, enfeus; operations of every category in every state (the
 * active ones locking their défunts); tariffs 2024–2026 and bills in each state; one emplacement en
 * reprise; three ended concessions in the archives. Ends with the place and the state of every
 * emplacement computed by the application's own functions.
 */
import { sql, type RawBuilder } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { writeAs, type Db } from '../../../framework/src/db/index.ts';
import type { Runtime } from '../../../framework/src/runtime.ts';
import { NOMS, PRENOMS_FEMININS_ANCIENS, PRENOMS_FEMININS_RECENTS, PRENOMS_MASCULINS_ANCIENS, PRENOMS_MASCULINS_RECENTS } from '../../elections/demo/noms.ts';
import { VOIES } from '../../elections/demo/libreville.ts';
import { Random } from '../../elections/demo/random.ts';
import { CIMETIERES_DEMO, pointPlace, rectangle, traceAllee } from '../demo/plan.ts';
import { ENTREPRISES, NATURES_TRAVAUX, PARENTES, TARIFS_2026, TITRES, TYPES_SEPULTURE, TYPES_VOIE, TYPES_ZONE } from '../demo/referentiels.ts';
import { aujourdhuiAParis, recalculerEtats } from './core/etat.ts';
import { dateFr } from './core/format.ts';
import { recalculerToutesLesPlaces } from './core/occupation.ts';
import { parametresCimetiere } from './core/parametres.ts';
import { configurerPlans } from './plans/configuration.ts';

export const DEMO_COLLECTIVITE = 1;
export const DEMO_SEED = 19_251_102;

type Valeur = string | number | boolean | null | RawBuilder<unknown>;

const geometrie = (wkt: string): RawBuilder<unknown> => sql`ST_GeomFromText(${wkt}, 2154)`;

/** Inserts rows into `cimetiere.<table>` by batches of 1 000; returns the keys in order. */
async function inserer(trx: Db, table: string, colonnes: readonly string[], lignes: readonly (readonly Valeur[])[]): Promise<number[]> {
  const cles: number[] = [];
  for (let debut = 0; debut < lignes.length; debut += 1000) {
    const lot = lignes.slice(debut, debut + 1000);
    const valeurs = lot.map((ligne) => sql`(${sql.join(ligne.map((valeur) => sql`${valeur}`))})`);
    const { rows } = await sql<Record<string, number>>`insert into ${sql.id('cimetiere', table)} (${sql.join(colonnes.map((colonne) => sql.id(colonne)))})
      values ${sql.join(valeurs)} returning ${sql.id(table)}`.execute(trx);
    cles.push(...rows.map((row) => Number(row[table])));
  }
  return cles;
}

// ---- dates -------------------------------------------------------------------------------------

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const jour = (annee: number, mois: number, quantieme: number): Date => new Date(Date.UTC(annee, mois - 1, quantieme));
const plusJours = (date: Date, jours: number): Date => new Date(date.getTime() + jours * 86_400_000);
const plusAnnees = (date: Date, annees: number): Date => jour(date.getUTCFullYear() + annees, date.getUTCMonth() + 1, Math.min(date.getUTCDate(), 28));
const auHasard = (random: Random, debut: Date, fin: Date): Date =>
  plusJours(debut, Math.floor(random.next() * Math.max(1, (fin.getTime() - debut.getTime()) / 86_400_000)));

// ---- what is generated before being written -----------------------------------------------------

type Nature = 'concession' | 'colombarium' | 'enfeu' | 'ossuaire' | 'terrain_communal' | 'depositoire';
type DureeType = 'temporaire' | 'trentenaire' | 'cinquantenaire' | 'perpetuelle';

interface Place {
  readonly voie: number;
  readonly numero: number;
  readonly nature: Nature;
  readonly nombrePlaces: number;
  readonly superficie: number | null;
  readonly sepulture: number | null;
  readonly monument: boolean;
  readonly wkt: string;
  famille: string | null;
  abandon: string | null;
  id: number;
  occupee: number;
}

interface Acte {
  readonly place: Place;
  readonly vente: Date;
  readonly dureeType: DureeType;
  readonly duree: number | null;
  readonly terme: Date | null;
  etat: 'active' | 'renouvelee' | 'terminee';
  readonly origine: 'vente' | 'renouvellement';
  precedent: Acte | null;
  numero: string;
  montant: number | null;
  id: number;
}

interface Defunt {
  readonly place: Place;
  readonly sexe: 'F' | 'M';
  readonly nature: 'cercueil' | 'urne' | 'reduction';
  readonly nom: string;
  readonly nomNaissance: string | null;
  readonly prenom: string;
  readonly naissance: Date;
  readonly deces: Date;
  readonly inhumation: Date;
  readonly dateReduction: Date | null;
  readonly exhumation: Date | null;
  historique: string | null;
  verrou: boolean;
  id: number;
}

interface Personne {
  readonly place: Place;
  readonly nature: 'concessionnaire' | 'ayant_droit';
  readonly sexe: 'F' | 'M';
  readonly nom: string;
  readonly prenom: string;
  readonly parente: string | null;
  readonly decede: boolean;
  readonly adresse: string;
  readonly cp: string;
  id: number;
}

function prenomDe(random: Random, sexe: 'F' | 'M', naissance: number): string {
  const ancien = naissance < 1960;
  if (sexe === 'F') return random.pick(ancien ? PRENOMS_FEMININS_ANCIENS : PRENOMS_FEMININS_RECENTS);
  return random.pick(ancien ? PRENOMS_MASCULINS_ANCIENS : PRENOMS_MASCULINS_RECENTS);
}

const DUREES: Readonly<Record<DureeType, number | null>> = { temporaire: 15, trentenaire: 30, cinquantenaire: 50, perpetuelle: null };

/** The demo's generator: everything in memory first, then written table by table. */
class Generateur {
  readonly random = new Random(DEMO_SEED);
  readonly aujourdhui: Date;
  readonly annee: number;
  readonly places: Place[] = [];
  readonly actes: Acte[] = [];
  readonly defunts: Defunt[] = [];
  readonly personnes: Personne[] = [];

  constructor(aujourdhui: string) {
    this.aujourdhui = new Date(`${aujourdhui}T00:00:00Z`);
    this.annee = this.aujourdhui.getUTCFullYear();
  }

  nom(): string {
    return this.random.pick(NOMS.slice(0, 300)).toUpperCase();
  }

  /** A concession act on the place; its défunts (never more than the place holds) and its people. */
  conceder(place: Place, dureeType: DureeType, vente: Date, options: { readonly origine?: 'vente' | 'renouvellement'; readonly suite?: boolean } = {}): Acte {
    const duree = place.nature === 'colombarium' && dureeType === 'perpetuelle' ? 30 : DUREES[dureeType];
    const type = duree === null ? 'perpetuelle' : dureeType;
    const acte: Acte = {
      place,
      vente,
      dureeType: type,
      duree,
      terme: duree === null ? null : plusAnnees(vente, duree),
      etat: 'active',
      origine: options.origine ?? 'vente',
      precedent: null,
      numero: '',
      montant: null,
      id: 0,
    };
    this.actes.push(acte);
    const famille = place.famille ?? this.nom();
    place.famille = famille;
    // A renewal keeps the family, its people and its dead.
    if (options.suite === true) return acte;
    const concessionnaires = this.random.chance(0.15) ? 2 : 1;
    for (let rang = 0; rang < concessionnaires; rang += 1) {
      const sexe = this.random.chance(0.5) ? 'F' : 'M';
      this.personne(place, 'concessionnaire', rang === 0 ? famille : this.nom(), sexe, null, vente.getUTCFullYear() < 1975);
    }
    const ayants = this.random.int(0, 3);
    for (let rang = 0; rang < ayants; rang += 1) {
      this.personne(place, 'ayant_droit', this.random.chance(0.7) ? famille : this.nom(), this.random.chance(0.5) ? 'F' : 'M', this.random.pick(PARENTES), false);
    }
    this.remplir(place, vente, acte.terme);
    return acte;
  }

  personne(place: Place, nature: Personne['nature'], nom: string, sexe: 'F' | 'M', parente: string | null, decede: boolean): void {
    const voie = this.random.pick(VOIES);
    this.personnes.push({
      place,
      nature,
      sexe,
      nom,
      prenom: prenomDe(this.random, sexe, this.random.int(1940, 1990)),
      parente,
      decede,
      adresse: `${this.random.int(1, voie.dernierNumero)} ${voie.libelle}`,
      cp: voie.codePostal,
      id: 0,
    });
  }

  /** Défunts buried between `debut` and the end of the concession (or today), within the capacity. */
  remplir(place: Place, debut: Date, terme: Date | null): void {
    const fin = terme && terme < this.aujourdhui ? plusJours(terme, -30) : plusJours(this.aujourdhui, -20);
    if (fin <= debut) return;
    const urnes = place.nature === 'colombarium';
    const voulus = urnes ? this.random.int(1, 4) : this.random.int(place.nombrePlaces > 1 ? 1 : 0, Math.min(3, Math.ceil(place.nombrePlaces)));
    const deces: Date[] = Array.from({ length: Math.max(voulus, place.nature === 'concession' ? 1 : voulus) }, () => auHasard(this.random, debut, fin)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (const date of deces) {
      const urne = urnes || this.random.chance(0.12);
      const taille = urne ? 0.1 : 1;
      if (place.occupee + taille > place.nombrePlaces + 1e-9) break;
      const reduite = !urne && place.occupee + taille > place.nombrePlaces - 1 + 1e-9 && date.getUTCFullYear() < this.annee - 40 && this.random.chance(0.6);
      const exhume = !reduite && date.getUTCFullYear() < this.annee - 15 && this.random.chance(0.04);
      this.defunt(place, date, urne ? 'urne' : reduite ? 'reduction' : 'cercueil', place.famille ?? this.nom(), exhume);
    }
  }

  defunt(place: Place, deces: Date, nature: Defunt['nature'], nom: string, exhume = false): Defunt {
    const sexe = this.random.chance(0.5) ? 'F' : 'M';
    const naissance = plusAnnees(deces, -this.random.int(sexe === 'F' ? 45 : 40, 98));
    const inhumation = plusJours(deces, this.random.int(2, 7));
    const dateReduction = nature === 'reduction' ? plusAnnees(inhumation, this.random.int(15, 35)) : null;
    const defunt: Defunt = {
      place,
      sexe,
      nature,
      nom,
      nomNaissance: sexe === 'F' && this.random.chance(0.6) ? this.nom() : null,
      prenom: prenomDe(this.random, sexe, naissance.getUTCFullYear()),
      naissance,
      deces,
      inhumation,
      dateReduction: dateReduction && dateReduction < this.aujourdhui ? dateReduction : null,
      exhumation: exhume ? plusAnnees(inhumation, 12) : null,
      historique: null,
      verrou: false,
      id: 0,
    };
    if (nature === 'reduction' && defunt.dateReduction === null) return this.defunt(place, deces, 'cercueil', nom, exhume);
    if (!exhume) place.occupee += nature === 'urne' ? 0.1 : nature === 'reduction' ? 0.5 : 1;
    this.defunts.push(defunt);
    return defunt;
  }
}

// ---- the writing -------------------------------------------------------------------------------

interface Referentiels {
  readonly titres: Readonly<Record<string, number>>;
  readonly sepultures: readonly number[];
  readonly entreprises: readonly number[];
  readonly naturesTravaux: readonly number[];
  readonly typesZone: Readonly<Record<string, number>>;
  readonly typeAllee: number;
}

async function ecrireReferentiels(trx: Db): Promise<Referentiels> {
  const c = DEMO_COLLECTIVITE;
  const titres = await inserer(trx, 'titre', ['code', 'libelle', 'om_collectivite'], TITRES.map((titre) => [titre.code, titre.libelle, c]));
  const zones = await inserer(trx, 'zone_type', ['libelle', 'om_collectivite'], TYPES_ZONE.map((libelle) => [libelle, c]));
  const voies = await inserer(trx, 'voie_type', ['libelle', 'om_collectivite'], TYPES_VOIE.map((libelle) => [libelle, c]));
  const sepultures = await inserer(trx, 'sepulture_type', ['libelle', 'om_collectivite'], TYPES_SEPULTURE.map((libelle) => [libelle, c]));
  const natures = await inserer(trx, 'travaux_nature', ['libelle', 'om_validite_fin', 'om_collectivite'],
    NATURES_TRAVAUX.map((libelle) => [libelle, libelle === 'Enlèvement porte' ? '2020-12-31' : null, c]));
  const entreprises = await inserer(trx, 'entreprise', ['nom', 'pompes_funebres', 'habilitation', 'adresse1', 'cp', 'ville', 'telephone', 'om_collectivite'],
    ENTREPRISES.map((e) => [e.nom, e.pompes_funebres, e.habilitation, e.adresse1, '00100', 'Libreville', e.telephone, c]));
  return {
    titres: { M: titres[0] ?? 0, MME: titres[1] ?? 0, ENF: titres[2] ?? 0 },
    sepultures,
    entreprises,
    naturesTravaux: natures,
    typesZone: Object.fromEntries(TYPES_ZONE.map((libelle, index) => [libelle, zones[index] ?? 0])),
    typeAllee: voies[0] ?? 0,
  };
}

/** Nature and capacity of a place from where it lies (a colombarium allée, the terrains communaux…). */
function naturePlace(cimetiere: number, zone: number, allee: number, numero: number): Nature {
  if (cimetiere === 0 && zone === 3 && allee === 4) return 'colombarium';
  if (cimetiere === 0 && zone === 3 && allee === 3 && numero === 1) return 'ossuaire';
  if (cimetiere === 0 && zone === 3 && allee === 3 && numero === 2) return 'depositoire';
  if (cimetiere === 0 && zone === 2 && allee === 4) return 'terrain_communal';
  if (cimetiere === 1 && zone === 1 && allee === 4 && numero <= 10) return 'enfeu';
  if (cimetiere === 1 && zone === 1 && allee === 4 && numero <= 30) return 'terrain_communal';
  return 'concession';
}

async function ecrireLocalisation(trx: Db, generateur: Generateur, referentiels: Referentiels): Promise<void> {
  const random = generateur.random;
  for (const [indexCimetiere, cimetiere] of CIMETIERES_DEMO.entries()) {
    const [idCimetiere = 0] = await inserer(trx, 'cimetiere', ['libelle', 'adresse1', 'cp', 'ville', 'perimetre', 'om_collectivite'], [
      [cimetiere.libelle, cimetiere.adresse1, '00100', 'Libreville', geometrie(rectangle(cimetiere.x, cimetiere.y, cimetiere.largeur, cimetiere.hauteur)), DEMO_COLLECTIVITE],
    ]);
    for (const [indexZone, zone] of cimetiere.zones.entries()) {
      const [idZone = 0] = await inserer(trx, 'zone', ['cimetiere', 'zone_type', 'libelle', 'geom', 'om_collectivite'], [
        [idCimetiere, referentiels.typesZone[zone.type] ?? null, zone.libelle, geometrie(rectangle(zone.x, zone.y, zone.largeur, zone.hauteur)), DEMO_COLLECTIVITE],
      ]);
      const voies = await inserer(trx, 'voie', ['zone', 'voie_type', 'libelle', 'geom', 'om_collectivite'],
        Array.from({ length: zone.allees }, (_, allee) => [idZone, referentiels.typeAllee, `Allée ${allee + 1}`, geometrie(traceAllee(zone, allee)), DEMO_COLLECTIVITE]));
      for (const [allee, voie] of voies.entries()) {
        for (let numero = 1; numero <= zone.places; numero += 1) {
          const nature = naturePlace(indexCimetiere, indexZone, allee, numero);
          const nombrePlaces =
            nature === 'concession' ? random.pick([1, 2, 2, 2, 3, 3, 4]) : nature === 'ossuaire' ? 50 : nature === 'depositoire' ? 4 : nature === 'enfeu' ? 2 : 1;
          const sepulture =
            nature === 'colombarium' ? referentiels.sepultures[5] : nature === 'concession' ? referentiels.sepultures[Math.min(3, nombrePlaces)] : referentiels.sepultures[0];
          generateur.places.push({
            voie,
            numero,
            nature,
            nombrePlaces,
            superficie: nature === 'colombarium' ? null : nature === 'terrain_communal' ? 2 : 2 + nombrePlaces,
            sepulture: sepulture ?? null,
            monument: nature === 'concession' && random.chance(0.7),
            wkt: pointPlace(zone, allee, numero).wkt,
            famille: null,
            abandon: null,
            id: 0,
            occupee: 0,
          });
        }
      }
    }
  }
}

/** Sales, renewals and terms of every kind over a century; about forty terms fall this year. */
function genererConcessions(generateur: Generateur): { readonly reprise: Place; readonly finies: readonly Place[] } {
  const { random, annee } = generateur;
  const concessibles = generateur.places.filter((place) => place.nature === 'concession');
  let aTerme = 0;
  const finies: Place[] = [];
  let reprise: Place | undefined;
  for (const [index, place] of concessibles.entries()) {
    if (index % 97 === 5 && finies.length < 3) {
      finies.push(place);
      continue;
    }
    if (random.chance(0.18)) continue;
    if (reprise === undefined && index > 40) {
      reprise = place;
      place.abandon = `${annee - 3}-03-15`;
      generateur.conceder(place, 'perpetuelle', jour(1931, 5, 12));
      continue;
    }
    if (aTerme < 42 && index % 19 === 3) {
      aTerme += 1;
      const dureeType = random.pick(['temporaire', 'trentenaire', 'trentenaire', 'cinquantenaire'] as const);
      const duree = DUREES[dureeType] ?? 30;
      generateur.conceder(place, dureeType, auHasard(random, jour(annee - duree, 1, 5), jour(annee - duree, 12, 28)));
      continue;
    }
    const dureeType = random.pick(['perpetuelle', 'cinquantenaire', 'cinquantenaire', 'trentenaire', 'trentenaire', 'trentenaire', 'temporaire'] as const);
    const duree = DUREES[dureeType];
    const premiere = duree === null ? 1925 : annee - duree + 1;
    const vente = auHasard(random, jour(Math.max(1925, premiere), 1, 1), jour(annee, 10, 31));
    if (duree !== null && random.chance(0.12) && vente.getUTCFullYear() - duree >= 1925) {
      // Renewed: the former act ended the day the new one was sold.
      const ancien = generateur.conceder(place, dureeType, plusAnnees(vente, -duree));
      ancien.etat = 'renouvelee';
      const nouveau = generateur.conceder(place, dureeType, vente, { origine: 'renouvellement', suite: true });
      nouveau.precedent = ancien;
      continue;
    }
    generateur.conceder(place, dureeType, vente);
  }
  for (const place of generateur.places.filter((candidate) => candidate.nature === 'colombarium' || candidate.nature === 'enfeu')) {
    if (random.chance(0.4)) continue;
    const dureeType = place.nature === 'enfeu' ? 'trentenaire' : random.pick(['temporaire', 'trentenaire'] as const);
    const duree = DUREES[dureeType] ?? 15;
    generateur.conceder(place, dureeType, auHasard(random, jour(annee - duree + 1, 1, 1), jour(annee, 9, 30)));
  }
  for (const place of generateur.places.filter((candidate) => candidate.nature === 'terrain_communal')) {
    if (random.chance(0.5)) continue;
    const deces = auHasard(random, jour(annee - 4, 1, 1), plusJours(generateur.aujourdhui, -30));
    generateur.defunt(place, deces, 'cercueil', generateur.nom());
  }
  if (!reprise) throw new Error('pas d’emplacement pour la reprise');
  return { reprise, finies };
}

/** Acts numbered by year of their date, in order; the counters say the last number given. */
function numeroter<T>(elements: readonly T[], date: (element: T) => Date, poser: (element: T, numero: string) => void, prefixe = ''): Map<number, number> {
  const derniers = new Map<number, number>();
  for (const element of [...elements].sort((a, b) => date(a).getTime() - date(b).getTime())) {
    const annee = date(element).getUTCFullYear();
    const rang = (derniers.get(annee) ?? 0) + 1;
    derniers.set(annee, rang);
    poser(element, `${prefixe}${annee}-${rang}`);
  }
  return derniers;
}

/** The framework's counters (om.om_compteur) continue after the demo's last numbers. */
async function ecrireCompteurs(trx: Db, registre: string, derniers: Map<number, number>): Promise<void> {
  for (const [annee, dernier] of derniers) {
    await sql`insert into om.om_compteur (application, registre, periode, dernier, om_collectivite)
              values ('cimetiere', ${registre}, ${annee}, ${dernier}, ${DEMO_COLLECTIVITE})`.execute(trx);
  }
}

/** Concessions of the ended places (in the archives), reprise, places and their people, acts and défunts. */
async function ecrirePlacesEtActes(trx: Db, generateur: Generateur, referentiels: Referentiels): Promise<void> {
  const ids = await inserer(trx, 'emplacement',
    ['voie', 'numero', 'nature', 'nombre_places', 'superficie', 'sepulture_type', 'monument', 'famille', 'abandon', 'date_abandon', 'geom', 'om_collectivite'],
    generateur.places.map((place) => [place.voie, place.numero, place.nature, place.nombrePlaces, place.superficie, place.sepulture, place.monument, place.famille,
      place.abandon !== null, place.abandon, geometrie(place.wkt), DEMO_COLLECTIVITE]));
  generateur.places.forEach((place, index) => (place.id = ids[index] ?? 0));

  const annee = generateur.annee;
  const tarif = (nature: string, dureeType: string, an: number): number | null => {
    const ligne = TARIFS_2026.find((candidate) => candidate.nature === nature && candidate.duree_type === dureeType);
    return ligne ? Math.round(ligne.montant * 0.97 ** Math.max(0, annee - an) * 100) / 100 : null;
  };
  for (const acte of generateur.actes) acte.montant = tarif(acte.place.nature, acte.dureeType, acte.vente.getUTCFullYear());
  await ecrireCompteurs(trx, 'acte', numeroter(generateur.actes, (acte) => acte.vente, (acte, numero) => (acte.numero = numero)));
  const actes = await inserer(trx, 'concession',
    ['emplacement', 'numero_acte', 'date_acte', 'date_vente', 'duree_type', 'duree', 'date_terme', 'etat', 'origine', 'superficie', 'montant', 'om_collectivite'],
    generateur.actes.map((acte) => [acte.place.id, acte.numero, iso(acte.vente), iso(acte.vente), acte.dureeType, acte.duree, acte.terme ? iso(acte.terme) : null,
      acte.etat, acte.origine, acte.place.superficie, acte.montant, DEMO_COLLECTIVITE]));
  generateur.actes.forEach((acte, index) => (acte.id = actes[index] ?? 0));
  for (const acte of generateur.actes.filter((candidate) => candidate.precedent)) {
    await sql`update cimetiere.concession set concession_precedente = ${acte.precedent?.id ?? null} where concession = ${acte.id}`.execute(trx);
  }

  const personnes = await inserer(trx, 'autorisation',
    ['emplacement', 'nature', 'titre', 'nom', 'prenom', 'adresse1', 'cp', 'ville', 'telephone', 'decede', 'parente', 'om_collectivite'],
    generateur.personnes.map((personne, index) => [personne.place.id, personne.nature, personne.sexe === 'F' ? referentiels.titres.MME ?? null : referentiels.titres.M ?? null,
      personne.nom, personne.prenom, personne.adresse, personne.cp, 'Libreville', `06 ${String(10 + (index % 89)).padStart(2, '0')} ${String(index % 100).padStart(2, '0')} 12 34`,
      personne.decede, personne.parente, DEMO_COLLECTIVITE]));
  generateur.personnes.forEach((personne, index) => (personne.id = personnes[index] ?? 0));
}

async function ecrireDefunts(trx: Db, generateur: Generateur, referentiels: Referentiels): Promise<void> {
  const ids = await inserer(trx, 'defunt',
    ['emplacement', 'nature', 'taille', 'titre', 'nom', 'nom_naissance', 'prenom', 'date_naissance', 'date_deces', 'lieu_deces', 'date_inhumation',
      'reduction', 'date_reduction', 'exhumation', 'date_exhumation', 'historique', 'verrou', 'om_collectivite'],
    generateur.defunts.map((defunt) => [defunt.place.id, defunt.nature, defunt.nature === 'urne' ? 0.1 : defunt.nature === 'reduction' ? 0.5 : 1,
      defunt.sexe === 'F' ? referentiels.titres.MME ?? null : referentiels.titres.M ?? null, defunt.nom, defunt.nomNaissance, defunt.prenom, iso(defunt.naissance),
      iso(defunt.deces), 'Libreville', iso(defunt.inhumation), defunt.dateReduction !== null, defunt.dateReduction ? iso(defunt.dateReduction) : null,
      defunt.exhumation !== null, defunt.exhumation ? iso(defunt.exhumation) : null, defunt.historique, defunt.verrou, DEMO_COLLECTIVITE]));
  generateur.defunts.forEach((defunt, index) => (defunt.id = ids[index] ?? 0));
}

interface Operation {
  readonly categorie: 'inhumation' | 'reduction' | 'transfert' | 'exhumation' | 'dispersion';
  readonly etat: 'actif' | 'traite' | 'annule';
  readonly date: Date;
  readonly place: Place;
  readonly vers: Place | null;
  readonly defunts: readonly Defunt[];
  readonly nouveau: { readonly nom: string; readonly prenom: string; readonly nature: 'cercueil' | 'urne'; readonly deces: Date } | null;
  numero: string;
}

const LIBELLES_OPERATION: Readonly<Record<Operation['categorie'], string>> = {
  inhumation: 'Inhumation',
  reduction: 'Réduction',
  transfert: 'Transfert',
  exhumation: 'Exhumation',
  dispersion: 'Dispersion des cendres',
};

/** Operations of every category in every state; the active ones lock their défunts, the done ones wrote their historique. */
function genererOperations(generateur: Generateur): Operation[] {
  const { random, aujourdhui, annee } = generateur;
  const operations: Operation[] = [];
  const dans = (jours: number) => plusJours(aujourdhui, jours);
  const libre = (nature: Nature) => generateur.places.filter((place) => place.nature === nature && place.occupee + 1 <= place.nombrePlaces && place.famille !== null);
  const ajouter = (operation: Omit<Operation, 'numero'>) => {
    operations.push({ ...operation, numero: '' });
    for (const defunt of operation.defunts) if (operation.etat === 'actif') defunt.verrou = true;
  };
  const historique = (defunt: Defunt, texte: string) => (defunt.historique = defunt.historique ? `${defunt.historique}\n${texte}` : texte);

  // Inhumations done: every recent burial of a concession came through one.
  for (const defunt of generateur.defunts.filter((candidate) => candidate.inhumation.getUTCFullYear() >= annee - 2 && candidate.nature !== 'reduction')) {
    ajouter({ categorie: 'inhumation', etat: 'traite', date: defunt.inhumation, place: defunt.place, vers: null, defunts: [defunt],
      nouveau: { nom: defunt.nom, prenom: defunt.prenom, nature: defunt.nature === 'urne' ? 'urne' : 'cercueil', deces: defunt.deces } });
  }
  const places = libre('concession');
  for (const [rang, place] of places.slice(0, 4).entries()) {
    ajouter({ categorie: 'inhumation', etat: rang < 3 ? 'actif' : 'annule', date: dans(3 + rang), place, vers: null, defunts: [],
      nouveau: { nom: place.famille ?? generateur.nom(), prenom: prenomDe(random, 'M', 1945), nature: rang === 1 ? 'urne' : 'cercueil', deces: dans(-2 - rang) } });
  }
  const anciens = generateur.defunts.filter((defunt) => defunt.nature === 'cercueil' && !defunt.exhumation && defunt.place.nature === 'concession' && defunt.inhumation.getUTCFullYear() < annee - 10);
  const [reduire1, reduire2, transferer, exhumer, , annuler] = anciens;
  if (reduire1 && reduire2 && transferer && exhumer && annuler) {
    ajouter({ categorie: 'reduction', etat: 'actif', date: dans(6), place: reduire1.place, vers: null, defunts: [reduire1], nouveau: null });
    ajouter({ categorie: 'reduction', etat: 'annule', date: dans(-40), place: reduire2.place, vers: null, defunts: [reduire2], nouveau: null });
    const destination = places[10];
    if (destination) ajouter({ categorie: 'transfert', etat: 'actif', date: dans(9), place: transferer.place, vers: destination, defunts: [transferer], nouveau: null });
    ajouter({ categorie: 'exhumation', etat: 'actif', date: dans(12), place: exhumer.place, vers: null, defunts: [exhumer], nouveau: null });
    ajouter({ categorie: 'transfert', etat: 'annule', date: dans(-60), place: annuler.place, vers: places[11] ?? annuler.place, defunts: [annuler], nouveau: null });
  }
  const reduits = generateur.defunts.filter((candidate) => candidate.dateReduction !== null).sort((a, b) => (b.dateReduction?.getTime() ?? 0) - (a.dateReduction?.getTime() ?? 0));
  const recents = reduits.filter((candidate) => (candidate.dateReduction?.getUTCFullYear() ?? 0) >= annee - 3);
  for (const defunt of recents.length >= 3 ? recents : reduits.slice(0, 3)) {
    ajouter({ categorie: 'reduction', etat: 'traite', date: defunt.dateReduction ?? aujourdhui, place: defunt.place, vers: null, defunts: [defunt], nouveau: null });
  }
  for (const defunt of generateur.defunts.filter((candidate) => candidate.exhumation && candidate.exhumation.getUTCFullYear() >= annee - 15)) {
    ajouter({ categorie: 'exhumation', etat: 'traite', date: defunt.exhumation ?? aujourdhui, place: defunt.place, vers: null, defunts: [defunt], nouveau: null });
  }
  const urnes = generateur.defunts.filter((defunt) => defunt.nature === 'urne' && defunt.place.nature === 'colombarium' && !defunt.exhumation);
  // Done long ago: a transfert between two family places, the ashes of an urn scattered.
  const [source, destination] = places.slice(20, 22);
  const transfere = anciens[6];
  if (source && destination && transfere) {
    ajouter({ categorie: 'transfert', etat: 'traite', date: plusJours(transfere.inhumation, 400), place: source, vers: transfere.place, defunts: [transfere], nouveau: null });
  }
  const colombarium = generateur.places.find((place) => place.nature === 'colombarium' && place.occupee + 0.1 <= place.nombrePlaces);
  if (colombarium) {
    const cendres = generateur.defunt(colombarium, plusAnnees(aujourdhui, -14), 'urne', colombarium.famille ?? generateur.nom(), true);
    ajouter({ categorie: 'dispersion', etat: 'traite', date: cendres.exhumation ?? aujourdhui, place: colombarium, vers: null, defunts: [cendres], nouveau: null });
  }
  const [disperser, dispersee] = urnes;
  if (disperser) ajouter({ categorie: 'dispersion', etat: 'actif', date: dans(15), place: disperser.place, vers: null, defunts: [disperser], nouveau: null });
  if (dispersee) ajouter({ categorie: 'dispersion', etat: 'annule', date: dans(-15), place: dispersee.place, vers: null, defunts: [dispersee], nouveau: null });
  numeroter(operations, (operation) => operation.date, (operation, numero) => (operation.numero = numero));
  for (const operation of operations.filter((candidate) => candidate.etat === 'traite')) {
    const texte = `${LIBELLES_OPERATION[operation.categorie]} dossier ${operation.numero} du ${dateFr(iso(operation.date))}`;
    for (const defunt of operation.defunts) historique(defunt, texte);
  }
  return operations;
}

async function ecrireOperations(trx: Db, generateur: Generateur, operations: readonly Operation[], referentiels: Referentiels): Promise<void> {
  const derniers = new Map<number, number>();
  for (const operation of operations) {
    const [annee, rang] = operation.numero.split('-').map(Number);
    if (annee !== undefined && rang !== undefined) derniers.set(annee, Math.max(derniers.get(annee) ?? 0, rang));
  }
  await ecrireCompteurs(trx, 'operation', derniers);
  const ids = await inserer(trx, 'operation',
    ['numero', 'categorie', 'etat', 'date_operation', 'heure', 'emplacement', 'emplacement_transfert', 'entreprise', 'demandeur', 'defunt_nom', 'defunt_prenom',
      'defunt_date_deces', 'defunt_nature', 'lieu_dispersion', 'valide_le', 'valide_par', 'om_collectivite'],
    operations.map((operation, index) => [operation.numero, operation.categorie, operation.etat, iso(operation.date), `${9 + (index % 8)}:${index % 2 === 0 ? '00' : '30'}`,
      operation.place.id, operation.vers?.id ?? null, referentiels.entreprises[index % 3] ?? null, `Famille ${operation.place.famille ?? ''}`.trim(),
      operation.nouveau?.nom ?? null, operation.nouveau?.prenom ?? null, operation.nouveau ? iso(operation.nouveau.deces) : null, operation.nouveau?.nature ?? null,
      operation.categorie === 'dispersion' ? 'Jardin du souvenir, Cimetière du Centre' : null,
      operation.etat === 'traite' ? `${iso(operation.date)} 17:00:00+01` : null, operation.etat === 'traite' ? 'demo' : null, DEMO_COLLECTIVITE]));
  const liens: Valeur[][] = [];
  operations.forEach((operation, index) => {
    for (const defunt of operation.defunts) liens.push([ids[index] ?? 0, defunt.id, DEMO_COLLECTIVITE]);
  });
  await inserer(trx, 'operation_defunt', ['operation', 'defunt', 'om_collectivite'], liens);
}

/** Tariffs 2024–2026 and a bill for every sale or renewal since 2024, in each state. */
async function ecrireFacturation(trx: Db, generateur: Generateur): Promise<void> {
  const { annee } = generateur;
  const grille: Valeur[][] = [];
  for (let an = annee - 2; an <= annee; an += 1) {
    for (const ligne of TARIFS_2026) grille.push([an, ligne.nature, ligne.duree_type, ligne.duree, ligne.libelle, Math.round(ligne.montant * 0.97 ** (annee - an) * 100) / 100, DEMO_COLLECTIVITE]);
  }
  const tarifs = await inserer(trx, 'tarif', ['annee', 'nature', 'duree_type', 'duree', 'libelle', 'montant', 'om_collectivite'], grille);
  const tarifDe = (acte: Acte): number | null => {
    const rang = grille.findIndex((ligne) => ligne[0] === acte.vente.getUTCFullYear() && ligne[1] === acte.place.nature && ligne[2] === acte.dureeType);
    return rang < 0 ? null : (tarifs[rang] ?? null);
  };
  const factures = generateur.actes.filter((acte) => acte.vente.getUTCFullYear() >= annee - 2 && acte.montant !== null);
  const numeros = new Map<Acte, string>();
  await ecrireCompteurs(trx, 'facture', numeroter(factures, (acte) => acte.vente, (acte, numero) => numeros.set(acte, numero), 'F-'));
  await inserer(trx, 'facture',
    ['numero', 'date_facture', 'objet', 'emplacement', 'concession', 'tarif', 'libelle', 'montant', 'payeur', 'payeur_nom', 'payeur_adresse1', 'payeur_cp', 'payeur_ville',
      'etat', 'numero_titre', 'date_titre', 'date_paiement', 'om_collectivite'],
    factures.map((acte, index) => {
      const payeur = generateur.personnes.find((personne) => personne.place === acte.place && personne.nature === 'concessionnaire');
      const an = acte.vente.getUTCFullYear();
      const etat = index % 17 === 4 ? 'annulee' : an < annee ? 'payee' : index % 3 === 0 ? 'titree' : index % 3 === 1 ? 'payee' : 'emise';
      const titre = etat === 'titree' || etat === 'payee' ? plusJours(acte.vente, 10) : null;
      return [numeros.get(acte) ?? '', iso(acte.vente), acte.origine === 'renouvellement' ? 'renouvellement' : 'vente', acte.place.id, acte.id, tarifDe(acte),
        `${acte.origine === 'renouvellement' ? 'Renouvellement' : 'Vente'} de la concession n° ${acte.numero}`, acte.montant ?? 0, payeur?.id ?? null,
        payeur ? `${payeur.prenom} ${payeur.nom}` : acte.place.famille ?? 'Famille', payeur?.adresse ?? null, payeur?.cp ?? null, 'Libreville', etat,
        titre ? `T-${an}-${100 + index}` : null, titre ? iso(titre) : null, etat === 'payee' && titre ? iso(plusJours(titre, 21)) : null, DEMO_COLLECTIVITE];
    }));
}

/** The procédure de reprise under way: premier constat, notification and affichage done. */
async function ecrireReprise(trx: Db, generateur: Generateur, place: Place): Promise<void> {
  const annee = generateur.annee - 3;
  const acte = generateur.actes.find((candidate) => candidate.place === place && candidate.etat === 'active');
  await inserer(trx, 'reprise', ['emplacement', 'concession', 'etat', 'date_premier_constat', 'date_notification', 'date_fin_affichage', 'observation', 'om_collectivite'], [
    [place.id, acte?.id ?? null, 'en_cours', `${annee}-03-15`, `${annee}-03-22`, `${annee}-04-22`, 'Monument effondré, inscriptions illisibles ; aucun ayant droit connu sur place.', DEMO_COLLECTIVITE],
  ]);
}

/** Three concessions ended (terme) before: their archive, the remains in the ossuaire, the place free again. */
async function ecrireArchives(trx: Db, generateur: Generateur, finies: readonly Place[]): Promise<void> {
  const ossuaire = generateur.places.find((place) => place.nature === 'ossuaire');
  if (!ossuaire) return;
  for (const [rang, place] of finies.entries()) {
    const vente = jour(1990 + rang * 3, 4, 10);
    const terme = plusAnnees(vente, 15);
    const fin = plusJours(terme, 200);
    const famille = generateur.nom();
    const [acte = 0] = await inserer(trx, 'concession',
      ['emplacement', 'numero_acte', 'date_acte', 'date_vente', 'duree_type', 'duree', 'date_terme', 'etat', 'origine', 'om_collectivite'],
      [[place.id, `${vente.getUTCFullYear()}-A${rang + 1}`, iso(vente), iso(vente), 'temporaire', 15, iso(terme), 'terminee', 'vente', DEMO_COLLECTIVITE]]);
    const donnees = JSON.stringify({ emplacement: { numero: place.numero, famille, nature: place.nature }, concession: { numero_acte: `${vente.getUTCFullYear()}-A${rang + 1}`, date_terme: iso(terme) }, courriers: [], travaux: [], dossier: [] });
    const [archive = 0] = await inserer(trx, 'fin_concession', ['emplacement', 'concession', 'date_fin', 'ossuaire', 'motif', 'donnees', 'fait_par', 'om_collectivite'], [
      [place.id, acte, iso(fin), ossuaire.id, 'terme', sql`${donnees}::jsonb`, 'demo', DEMO_COLLECTIVITE],
    ]);
    const deces = plusJours(vente, 3);
    const prenom = prenomDe(generateur.random, 'M', 1920);
    const reste = generateur.defunt(ossuaire, deces, 'reduction', famille);
    reste.historique = `Mis à l’ossuaire à la fin de la concession n° ${vente.getUTCFullYear()}-A${rang + 1} le ${dateFr(iso(fin))}`;
    await inserer(trx, 'defunt_archive', ['fin_concession', 'defunt', 'nature', 'titre', 'nom', 'prenom', 'date_deces', 'date_inhumation', 'date_exhumation', 'destination', 'om_collectivite'], [
      [archive, 900_000 + rang, 'cercueil', 'Monsieur', famille, prenom, iso(deces), iso(plusJours(deces, 4)), iso(fin), `Ossuaire n° ${ossuaire.numero}`, DEMO_COLLECTIVITE],
    ]);
    await inserer(trx, 'autorisation_archive', ['fin_concession', 'autorisation', 'nature', 'titre', 'nom', 'prenom', 'adresse1', 'cp', 'ville', 'om_collectivite'], [
      [archive, 900_000 + rang, 'concessionnaire', 'Madame', famille, prenomDe(generateur.random, 'F', 1950), '3 rue Voltaire', '00100', 'Libreville', DEMO_COLLECTIVITE],
    ]);
  }
}

async function ecrireTravaux(trx: Db, generateur: Generateur, referentiels: Referentiels): Promise<void> {
  const occupees = generateur.places.filter((place) => place.nature === 'concession' && place.famille !== null);
  const lignes: Valeur[][] = occupees.filter((_, index) => index % 23 === 0).map((place, index) => {
    const debut = jour(generateur.annee - (index % 6), 1 + (index % 12), 10);
    return [place.id, referentiels.entreprises[3] ?? null, referentiels.naturesTravaux[index % referentiels.naturesTravaux.length] ?? 0, 'concessionnaire', iso(debut), iso(plusJours(debut, 14)), DEMO_COLLECTIVITE];
  });
  await inserer(trx, 'travaux', ['emplacement', 'entreprise', 'travaux_nature', 'nature_demandeur', 'date_debut', 'date_fin', 'om_collectivite'], lignes);
}

/** What the demo wrote, for its callers (tests, the log). */
export interface CimetiereDemo {
  readonly emplacements: number;
  readonly concessions: number;
  readonly defunts: number;
  readonly operations: number;
}

export async function loadCimetiereDemo(db: Db, aujourdhui = aujourdhuiAParis()): Promise<CimetiereDemo | undefined> {
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const deja = await sql<{ n: number }>`select count(*)::int as n from cimetiere.cimetiere where om_collectivite = ${DEMO_COLLECTIVITE}`.execute(trx);
    if (Number(deja.rows[0]?.n ?? 0) > 0) return undefined;
    const generateur = new Generateur(aujourdhui);
    const referentiels = await ecrireReferentiels(trx);
    await ecrireLocalisation(trx, generateur, referentiels);
    const { reprise, finies } = genererConcessions(generateur);
    await ecrirePlacesEtActes(trx, generateur, referentiels);
    const operations = genererOperations(generateur);
    await ecrireArchives(trx, generateur, finies);
    await ecrireDefunts(trx, generateur, referentiels);
    await ecrireOperations(trx, generateur, operations, referentiels);
    await ecrireFacturation(trx, generateur);
    await ecrireReprise(trx, generateur, reprise);
    await ecrireTravaux(trx, generateur, referentiels);
    await recalculerToutesLesPlaces(trx, await parametresCimetiere(trx, DEMO_COLLECTIVITE), DEMO_COLLECTIVITE);
    await recalculerEtats(trx, aujourdhui);
    await configurerPlans(trx, DEMO_COLLECTIVITE);
    return { emplacements: generateur.places.length, concessions: generateur.actes.length + finies.length, defunts: generateur.defunts.length, operations: operations.length };
  });
}

export async function loadDemo(runtime: Runtime): Promise<void> {
  const resume = await loadCimetiereDemo(runtime.db.kysely);
  if (resume) runtime.logger.info({ ...resume }, 'cimetière : données de démonstration chargées');
}

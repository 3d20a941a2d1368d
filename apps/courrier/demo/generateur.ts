/**
 * A year of Libreville's mail, generated in memory (seeded: the same demo on every machine) before
 * src/demo.ts writes it: about 900 correspondents, 3,000 arrivals and 1,000 departures over the
 * twelve months to `aujourdhui`, the reply tasks of the letters that want one (most answered, by a
 * departure linked to them or by a free text, some late, some open and late, some not yet due),
 * hand tasks, copies to services and élus, threads of three letters, priorities, a few confidential
 * letters, departures in every state with their visa circuits. Numbers and ranks are given by
 * src/demo.ts, in date order, as the application would have.
 */
import { VOIES } from '../../elections/demo/libreville.ts';
import { NOMS, PRENOMS_FEMININS_ANCIENS, PRENOMS_FEMININS_RECENTS, PRENOMS_MASCULINS_ANCIENS, PRENOMS_MASCULINS_RECENTS } from '../../elections/demo/noms.ts';
import { byRank, Random, Weighted } from '../../elections/demo/random.ts';
import { ADMINISTRATIONS, ASSOCIATIONS, ENTREPRISES, METIERS } from './correspondants.ts';
import { OBJETS_ARRIVEE, OBJETS_DEPART, REPONSES, REPONSES_LIBRES, TACHES_MANUELLES, type ObjetDemo } from './objets.ts';
import { AGENTS, ELUS, SERVICES, loginDe } from './organisation.ts';
import { CATEGORIES, NATURES, type CodeCategorie, type CodeCivilite, type CodeNature, type CodeTypeCorrespondant } from './referentiels.ts';

export const DEMO_SEED = 20_260_115;
export const ARRIVEES = 3000;
export const DEPARTS = 1000;
/** Threads: a letter, its reply, then the correspondent's next letter, linked to both. */
export const FILS = 40;
const PARTICULIERS = 700;
const COMMERCES = 144;

// ---- dates (YYYY-MM-DD strings, computed in UTC) -------------------------------------------------

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const plusJours = (date: string, jours: number): string => new Date(time(date) + jours * DAY).toISOString().slice(0, 10);
export const ecart = (debut: string, fin: string): number => Math.round((time(fin) - time(debut)) / DAY);
const jourDeSemaine = (date: string) => new Date(time(date)).getUTCDay();
const ouvre = (date: string): string => {
  const jour = jourDeSemaine(date);
  return jour === 6 ? plusJours(date, 2) : jour === 0 ? plusJours(date, 1) : date;
};

// ---- what is generated ---------------------------------------------------------------------------

export interface CorrespondantGen {
  readonly type: CodeTypeCorrespondant;
  readonly civilite: CodeCivilite | null;
  readonly nom: string;
  readonly prenom: string | null;
  readonly organisme: string | null;
  readonly adresse1: string;
  readonly cp: string;
  readonly ville: string;
  readonly courriel: string | null;
  readonly telephone: string | null;
  readonly frequent: boolean;
  /** The services whose mail it is (organisations), empty for a person. */
  readonly services: readonly string[];
  id: number;
}

export type Etat = 'enregistre' | 'projet' | 'en_visa' | 'refuse' | 'vise' | 'parti';
export type Priorite = 'basse' | 'normale' | 'haute' | 'urgente';

export interface CourrierGen {
  readonly registre: 'arrivee' | 'depart';
  /** The date that numbers it: arrival date, or the departure's registration date. */
  readonly date: string;
  readonly heure: number;
  readonly nature: CodeNature;
  readonly correspondant: CorrespondantGen;
  readonly objet: string;
  readonly categorie: CodeCategorie | null;
  readonly reponseSouhaitee: boolean;
  readonly service: string;
  /** Index in AGENTS. */
  readonly referent: number | null;
  readonly priorite: Priorite;
  readonly confidentiel: boolean;
  readonly reponseA: CourrierGen | null;
  readonly dateCourrier: string;
  readonly creePar: string;
  etat: Etat;
  dateSignature: string | null;
  dateDepart: string | null;
  envoye: boolean;
  numero: string;
  rang: number;
  id: number;
}

export interface TacheGen {
  readonly courrier: CourrierGen;
  readonly libelle: string;
  readonly categorie: string;
  readonly service: string;
  readonly agent: number | null;
  readonly creation: string;
  readonly butoir: string | null;
  readonly automatique: boolean;
  etat: string;
  execution: string | null;
  solde: boolean;
  chronoreponse: string | null;
  reponse: CourrierGen | null;
}

export interface CopieGen {
  readonly courrier: CourrierGen;
  readonly service: string | null;
  /** Index in ELUS. */
  readonly elu: number | null;
}

export interface LienGen {
  readonly courrier: CourrierGen;
  readonly lie: CourrierGen;
  readonly observation: string;
}

export interface VisaGen {
  readonly courrier: CourrierGen;
  readonly rang: number;
  readonly agent: number;
  readonly decision: 'vise' | 'refuse' | null;
  readonly decideLe: string | null;
  readonly annotation: string | null;
}

export interface DemoCourrier {
  readonly correspondants: CorrespondantGen[];
  readonly courriers: CourrierGen[];
  readonly taches: TacheGen[];
  readonly copies: CopieGen[];
  readonly liens: LienGen[];
  readonly visas: VisaGen[];
}

const agentDuService = (service: string): number | null => {
  const index = AGENTS.findIndex((agent) => agent.service === service && !agent.tousServices);
  return index < 0 ? null : index;
};
const indexAgent = (service: string, profil?: string): number => AGENTS.findIndex((agent) => agent.service === service && (profil === undefined || agent.profil === profil));
const CHEF_COURRIER = indexAgent('COURRIER', 'SUPER UTILISATEUR');
const AGENT_COURRIER = indexAgent('COURRIER', 'UTILISATEUR');
const DIRECTEUR = indexAgent('DG');
const SAISIE = [loginDe(AGENTS[CHEF_COURRIER] ?? AGENTS[0]!), loginDe(AGENTS[AGENT_COURRIER] ?? AGENTS[0]!)];
const DELAIS = new Map<string, number | null>(CATEGORIES.map((categorie) => [categorie.code, categorie.delai]));
const DELAI_PAR_DEFAUT = 15;
const enfants = (service: string) => SERVICES.filter((candidat) => candidat.parent === service).map((candidat) => candidat.code);

const plie = (texte: string) => texte.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '');

class Generateur {
  readonly random = new Random(DEMO_SEED);
  readonly debut: string;
  readonly correspondants: CorrespondantGen[] = [];
  readonly courriers: CourrierGen[] = [];
  readonly taches: TacheGen[] = [];
  readonly copies: CopieGen[] = [];
  readonly liens: LienGen[] = [];
  readonly visas: VisaGen[] = [];
  readonly particuliers: Weighted<CorrespondantGen>;
  readonly services: Weighted<(typeof SERVICES)[number]>;
  readonly natures = new Weighted(NATURES, (nature) => nature.poids);

  constructor(readonly aujourdhui: string) {
    this.debut = plusJours(aujourdhui, -364);
    this.genererCorrespondants();
    this.particuliers = new Weighted(this.parType('PART'), byRank(8));
    this.services = new Weighted(SERVICES, (service) => service.poids);
  }

  readonly #parType = new Map<CodeTypeCorrespondant, CorrespondantGen[]>();

  /** The correspondents of a kind (once they are all made). */
  parType(type: CodeTypeCorrespondant): CorrespondantGen[] {
    let trouves = this.#parType.get(type);
    if (!trouves) {
      trouves = this.correspondants.filter((correspondant) => correspondant.type === type);
      this.#parType.set(type, trouves);
    }
    return trouves;
  }

  adresse(): { adresse1: string; cp: string } {
    const voie = this.random.pick(VOIES);
    return { adresse1: `${this.random.int(1, voie.dernierNumero)} ${voie.libelle.charAt(0).toLowerCase()}${voie.libelle.slice(1)}`, cp: voie.codePostal };
  }

  telephone(): string {
    const paire = () => String(this.random.int(0, 99)).padStart(2, '0');
    return `0${this.random.pick(['2', '6', '7'])} ${paire()} ${paire()} ${paire()} ${paire()}`;
  }

  genererCorrespondants(): void {
    const organisme = (type: CodeTypeCorrespondant, nom: string, adresse1: string, cp: string, ville: string, courriel: string | null, services: readonly string[]) =>
      this.correspondants.push({ type, civilite: 'MM', nom, prenom: null, organisme: nom, adresse1, cp, ville, courriel, telephone: this.telephone(), frequent: true, services, id: 0 });
    for (const a of ADMINISTRATIONS) organisme('ADM', a.nom, a.adresse1, a.cp, a.ville, a.courriel, a.services);
    for (const e of ENTREPRISES) organisme('ENT', e.nom, e.adresse1, e.cp, e.ville, e.courriel, e.services);
    for (const asso of ASSOCIATIONS) {
      const { adresse1, cp } = this.adresse();
      organisme('ASSO', asso.nom, adresse1, cp, 'Libreville', `contact@${plie(asso.nom).slice(0, 24)}.example`, asso.services);
    }
    const vus = new Set<string>();
    for (let rang = 0; vus.size < COMMERCES; rang += 1) {
      const metier = METIERS[rang % METIERS.length] ?? 'Commerce';
      const nom = `${metier} ${this.random.pick(NOMS)}`;
      if (vus.has(nom)) continue;
      vus.add(nom);
      const { adresse1, cp } = this.adresse();
      const services = metier.startsWith('Entreprise') || metier === 'Plomberie' || metier === 'Électricité générale' || metier === 'Couverture et zinguerie'
        ? ['URBA', 'ST', 'FIN'] : metier === 'Café-restaurant' || metier === 'Taxi' ? ['PM', 'CAB'] : ['PM', 'URBA', 'FIN'];
      organisme('ENT', nom, adresse1, cp, 'Libreville', this.random.chance(0.6) ? `contact@${plie(nom).slice(0, 24)}.example` : null, services);
    }
    const noms = new Weighted(NOMS, byRank(5));
    const cles = new Set<string>();
    for (let particuliers = 0; particuliers < PARTICULIERS; ) {
      const femme = this.random.chance(0.52);
      const ancien = this.random.chance(0.45);
      const prenom = this.random.pick(femme ? (ancien ? PRENOMS_FEMININS_ANCIENS : PRENOMS_FEMININS_RECENTS) : ancien ? PRENOMS_MASCULINS_ANCIENS : PRENOMS_MASCULINS_RECENTS);
      const nom = noms.draw(this.random).toUpperCase();
      const { adresse1, cp } = this.adresse();
      const cle = plie(`${nom}|${prenom}|${adresse1}|${cp}`);
      if (cles.has(cle)) continue;
      cles.add(cle);
      particuliers += 1;
      this.correspondants.push({
        type: 'PART',
        civilite: femme ? 'MME' : 'M',
        nom,
        prenom,
        organisme: null,
        adresse1,
        cp,
        ville: 'Libreville',
        courriel: this.random.chance(0.5) ? `${plie(prenom)}.${plie(nom)}@courriel.example` : null,
        telephone: this.random.chance(0.7) ? this.telephone() : null,
        frequent: this.random.chance(0.85),
        services: [],
        id: 0,
      });
    }
  }

  /** Who writes `objet` to `service`: an organisation of that kind working with the service, else any of its kind, or a person. */
  expediteur(de: CodeTypeCorrespondant, service: string): CorrespondantGen {
    if (de === 'PART') return this.particuliers.draw(this.random);
    const proches = this.parType(de).filter((candidat) => candidat.services.includes(service));
    return this.random.pick(proches.length > 0 ? proches : this.parType(de));
  }

  texte(modele: string, date: string): string {
    return modele.replace('{voie}', this.random.pick(VOIES).libelle.replace(/^./, (c) => c.toLowerCase())).replace('{annee}', date.slice(0, 4));
  }

  /** A working day of the year, more letters on Mondays and Tuesdays. */
  jourOuvre(debut = this.debut, fin = this.aujourdhui): string {
    const date = ouvre(plusJours(debut, this.random.int(0, Math.max(0, ecart(debut, fin)))));
    const jour = date > fin ? fin : date;
    return jour;
  }

  priorite(): Priorite {
    const tirage = this.random.next();
    return tirage < 0.02 ? 'urgente' : tirage < 0.1 ? 'haute' : tirage < 0.15 ? 'basse' : 'normale';
  }

  arrivee(date: string, service: string, objet: ObjetDemo, correspondant: CorrespondantGen, extra: Partial<CourrierGen> = {}): CourrierGen {
    const nature = objet.de === 'PART' && this.random.chance(0.1) ? 'DEP' : this.natures.draw(this.random).code;
    const confidentiel = ['RH', 'CCAS', 'CAB'].includes(service) && this.random.chance(0.12);
    const courrier: CourrierGen = {
      registre: 'arrivee',
      date,
      heure: this.random.int(8, 17),
      nature,
      correspondant,
      objet: this.texte(objet.texte, date),
      categorie: objet.categorie,
      reponseSouhaitee: this.random.chance(objet.reponse * 0.78),
      service,
      referent: confidentiel || this.random.chance(0.6) ? agentDuService(service) : null,
      priorite: this.priorite(),
      confidentiel,
      reponseA: null,
      dateCourrier: nature === 'MEL' || nature === 'DEP' ? date : plusJours(date, -this.random.int(1, 6)),
      creePar: this.random.pick(SAISIE),
      etat: 'enregistre',
      dateSignature: null,
      dateDepart: null,
      envoye: false,
      numero: '',
      rang: 0,
      id: 0,
      ...extra,
    };
    this.courriers.push(courrier);
    return courrier;
  }

  depart(date: string, service: string, objet: string, correspondant: CorrespondantGen, reponseA: CourrierGen | null): CourrierGen {
    const tirage = this.random.next();
    const nature: CodeNature = correspondant.courriel !== null && tirage < 0.2 ? 'MEL' : tirage < 0.3 ? 'LRAR' : 'LET';
    const courrier: CourrierGen = {
      registre: 'depart',
      date,
      heure: this.random.int(9, 18),
      nature,
      correspondant,
      objet,
      categorie: reponseA?.categorie ?? null,
      reponseSouhaitee: false,
      service,
      referent: reponseA?.referent ?? agentDuService(service),
      priorite: reponseA?.priorite ?? 'normale',
      confidentiel: reponseA?.confidentiel ?? false,
      reponseA,
      dateCourrier: date,
      creePar: this.random.pick(SAISIE),
      etat: 'parti',
      dateSignature: date,
      dateDepart: date,
      envoye: nature === 'MEL',
      numero: '',
      rang: 0,
      id: 0,
    };
    this.courriers.push(courrier);
    return courrier;
  }

  genererArrivees(): CourrierGen[] {
    const arrivees: CourrierGen[] = [];
    for (let rang = 0; rang < ARRIVEES - FILS; rang += 1) {
      const service = this.services.draw(this.random).code;
      const objet = this.random.pick(OBJETS_ARRIVEE[service] ?? []);
      arrivees.push(this.arrivee(this.jourOuvre(), service, objet, this.expediteur(objet.de, service)));
    }
    return arrivees;
  }

  /** The reply task of each letter that wants one, and how (and when) it was answered. */
  genererReponses(arrivees: readonly CourrierGen[]): void {
    const parDepart = Math.round(DEPARTS * 0.68);
    let reponses = 0;
    for (const courrier of arrivees.filter((arrivee) => arrivee.reponseSouhaitee).sort((a, b) => a.date.localeCompare(b.date))) {
      const delai = (courrier.categorie && DELAIS.get(courrier.categorie)) ?? DELAI_PAR_DEFAUT;
      const butoir = plusJours(courrier.date, delai);
      const tache: TacheGen = {
        courrier,
        libelle: `Répondre : ${courrier.objet}`.slice(0, 200),
        categorie: 'REP',
        service: courrier.service,
        agent: courrier.referent,
        creation: courrier.date,
        butoir,
        automatique: true,
        etat: 'NT',
        execution: null,
        solde: false,
        chronoreponse: null,
        reponse: null,
      };
      this.taches.push(tache);
      const echue = butoir < this.aujourdhui;
      const repondue = echue ? this.random.chance(0.93) : this.random.chance(0.35);
      if (!repondue) {
        tache.etat = this.random.chance(0.5) ? 'EC' : 'NT';
        continue;
      }
      // Mostly on time; some late (after the due date, never after yesterday).
      const enRetard = echue && this.random.chance(0.15);
      const execution = enRetard
        ? plusJours(butoir, this.random.int(1, 20))
        : plusJours(courrier.date, this.random.int(1, Math.max(1, ecart(courrier.date, butoir))));
      const le = execution >= this.aujourdhui ? plusJours(this.aujourdhui, -1) : execution;
      if (le <= courrier.date) {
        tache.etat = 'EC';
        continue;
      }
      tache.solde = true;
      tache.etat = 'TR';
      tache.execution = le;
      const ecrite = courrier.categorie !== null && REPONSES[courrier.categorie] !== undefined && this.random.chance(0.8);
      if (ecrite && reponses < parDepart) {
        reponses += 1;
        const objet = `${REPONSES[courrier.categorie ?? 'DEM'] ?? 'Réponse à votre courrier'} du ${courrier.dateCourrier.split('-').reverse().join('/')}`;
        tache.reponse = this.depart(le, courrier.service, objet, courrier.correspondant, courrier);
      } else {
        tache.chronoreponse = this.random.pick(REPONSES_LIBRES);
      }
    }
  }

  /** A letter, its reply, then the correspondent's next letter linked to both. */
  genererFils(): void {
    const candidats = this.taches.filter((tache) => tache.reponse !== null && tache.reponse.date <= plusJours(this.aujourdhui, -20) && !tache.courrier.confidentiel);
    const pas = Math.max(1, Math.floor(candidats.length / FILS));
    for (let rang = 0; rang < FILS; rang += 1) {
      const tache = candidats[(rang * pas) % candidats.length];
      if (!tache?.reponse) throw new Error('fil de courriers sans réponse');
      const premier = tache.courrier;
      const suite = this.arrivee(
        this.jourOuvre(plusJours(tache.reponse.date, 3), plusJours(tache.reponse.date, 18)),
        premier.service,
        { texte: `Suite à votre réponse : ${premier.objet}`, categorie: premier.categorie ?? 'INF', reponse: 0, de: premier.correspondant.type },
        premier.correspondant,
        { reponseSouhaitee: false, confidentiel: false },
      );
      this.liens.push({ courrier: suite, lie: premier, observation: 'Suite du même dossier' });
      this.liens.push({ courrier: suite, lie: tache.reponse, observation: 'Fait suite à notre réponse' });
    }
  }

  genererDepartsSpontanes(): void {
    for (let departs = this.courriers.filter((courrier) => courrier.registre === 'depart').length; departs < DEPARTS; departs += 1) {
      const service = this.services.draw(this.random).code;
      const objet = this.random.pick(OBJETS_DEPART[service] ?? OBJETS_DEPART.DG ?? []);
      const destinataire = objet.a === 'PART' ? this.particuliers.draw(this.random) : this.expediteur(objet.a, service);
      this.depart(this.jourOuvre(), service, this.texte(objet.texte, this.aujourdhui), destinataire, null);
    }
  }

  /**
   * The latest departures are not all gone: a few projects, three in their visa circuit (first
   * step decided), one refused with an annotation, one visé waiting to leave; a reply not gone yet
   * leaves its task open.
   */
  genererEtatsDesDeparts(): void {
    const lies = new Set(this.liens.map((lien) => lien.lie));
    const recents = this.courriers
      .filter((courrier) => courrier.registre === 'depart' && !lies.has(courrier))
      .sort((a, b) => b.date.localeCompare(a.date) || b.heure - a.heure)
      .slice(0, 14);
    const etats: Etat[] = ['en_visa', 'en_visa', 'en_visa', 'refuse', 'vise', 'projet', 'projet', 'projet', 'projet', 'projet', 'projet', 'projet', 'projet', 'projet'];
    recents.forEach((courrier, index) => {
      const etat = etats[index] ?? 'parti';
      courrier.etat = etat;
      courrier.dateDepart = null;
      courrier.envoye = false;
      courrier.dateSignature = etat === 'vise' ? courrier.date : null;
      const tache = this.taches.find((candidate) => candidate.reponse === courrier);
      if (tache) {
        tache.solde = false;
        tache.etat = 'EC';
        tache.execution = null;
        tache.reponse = null;
      }
      const decide = (jours: number) => `${plusJours(courrier.date, jours)}T${String(9 + jours).padStart(2, '0')}:30:00+01:00`;
      const circuit = [agentDuService(courrier.service) ?? DIRECTEUR, CHEF_COURRIER, DIRECTEUR].filter((agent, rang, tous) => tous.indexOf(agent) === rang);
      if (etat === 'en_visa') {
        // Three circuits: the head of the mail room's turn in the first, the director's in the others.
        const pas = index === 0 ? circuit : index === 1 ? [circuit[0] ?? DIRECTEUR, DIRECTEUR] : [circuit[0] ?? DIRECTEUR, DIRECTEUR, CHEF_COURRIER];
        pas.forEach((agent, rang) => this.visas.push({ courrier, rang: rang + 1, agent, decision: rang === 0 ? 'vise' : null, decideLe: rang === 0 ? decide(0) : null, annotation: null }));
      } else if (etat === 'refuse') {
        this.visas.push({ courrier, rang: 1, agent: circuit[0] ?? CHEF_COURRIER, decision: 'vise', decideLe: decide(0), annotation: null });
        this.visas.push({ courrier, rang: 2, agent: DIRECTEUR, decision: 'refuse', decideLe: decide(1), annotation: 'Reformuler le deuxième paragraphe et joindre le plan de situation.' });
      } else if (etat === 'vise') {
        this.visas.push({ courrier, rang: 1, agent: circuit[0] ?? CHEF_COURRIER, decision: 'vise', decideLe: decide(0), annotation: null });
        this.visas.push({ courrier, rang: 2, agent: DIRECTEUR, decision: 'vise', decideLe: decide(1), annotation: 'Bon pour envoi.' });
      }
    });
    for (const courrier of this.courriers) {
      if (courrier.registre === 'depart' && courrier.etat === 'parti' && courrier.dateSignature !== null && this.random.chance(0.3)) {
        courrier.dateSignature = courrier.date > this.debut ? plusJours(courrier.date, -1) : courrier.date;
      }
    }
  }

  /** « Pour avis », « intervention »: tasks given to a sub-service of the processing one (the hierarchy rule). */
  genererTachesManuelles(arrivees: readonly CourrierGen[]): void {
    const candidats = arrivees.filter((courrier) => !courrier.confidentiel && enfants(courrier.service).length > 0);
    for (let rang = 0; rang < 120; rang += 1) {
      const courrier = this.random.pick(candidats);
      const service = this.random.pick(enfants(courrier.service));
      const modele = this.random.pick(TACHES_MANUELLES);
      const creation = plusJours(courrier.date, this.random.int(0, 3)) > this.aujourdhui ? courrier.date : plusJours(courrier.date, this.random.int(0, 3));
      const butoir = modele.categorie === 'INFO' ? null : plusJours(creation, this.random.int(7, 30));
      const echue = butoir !== null && butoir < this.aujourdhui;
      const faite = echue ? this.random.chance(0.85) : creation < plusJours(this.aujourdhui, -2) && this.random.chance(0.4);
      const execution = faite ? plusJours(creation, this.random.int(1, Math.max(1, Math.min(ecart(creation, this.aujourdhui) - 1, butoir ? ecart(creation, butoir) : 10)))) : null;
      this.taches.push({
        courrier,
        libelle: modele.libelle,
        categorie: modele.categorie,
        service,
        agent: this.random.chance(0.5) ? agentDuService(service) : null,
        creation,
        butoir,
        automatique: false,
        etat: faite ? 'TR' : this.random.chance(0.5) ? 'EC' : 'NT',
        execution,
        solde: faite,
        chronoreponse: faite && modele.categorie !== 'INFO' ? 'Fait.' : null,
        reponse: null,
      });
    }
  }

  /**
   * The head of the mail room's own queue: letters of the direction générale to complete and pass
   * on (the Service courrier is under it), one of them late.
   */
  genererTachesDuCourrier(arrivees: readonly CourrierGen[]): void {
    const recentes = arrivees
      .filter((courrier) => courrier.service === 'DG' && !courrier.confidentiel)
      .sort((a, b) => b.date.localeCompare(a.date))
      .slice(0, 6);
    recentes.forEach((courrier, rang) => {
      const enRetard = rang === recentes.length - 1;
      const creation = courrier.date;
      const butoir = enRetard ? plusJours(this.aujourdhui, -3) : plusJours(this.aujourdhui, rang + 2);
      this.taches.push({
        courrier,
        libelle: 'Compléter le dossier et le transmettre aux services concernés',
        categorie: 'INT',
        service: 'COURRIER',
        agent: CHEF_COURRIER,
        creation: creation > butoir ? butoir : creation,
        butoir,
        automatique: false,
        etat: rang % 2 === 0 ? 'NT' : 'EC',
        execution: null,
        solde: false,
        chronoreponse: null,
        reponse: null,
      });
    });
  }

  /** Copies to other services and to élus (the maire reads the cabinet's mail; the adjoints their field's). */
  genererCopies(arrivees: readonly CourrierGen[]): void {
    const eluDe: Readonly<Record<string, number>> = { CAB: 0, FIN: 1, URBA: 2, VOIRIE: 3, CCAS: 4, EDUC: 5, CULT: 6, SPORT: 7, PM: 8, EV: 9 };
    for (const courrier of arrivees) {
      if (courrier.confidentiel) continue;
      if (this.random.chance(0.2)) {
        const autres = SERVICES.filter((service) => service.code !== courrier.service && service.code !== 'COURRIER');
        const premier = this.random.pick(autres).code;
        this.copies.push({ courrier, service: premier, elu: null });
        if (this.random.chance(0.3)) {
          const second = this.random.pick(autres.filter((service) => service.code !== premier)).code;
          this.copies.push({ courrier, service: second, elu: null });
        }
      }
      const elu = eluDe[courrier.service];
      if (elu !== undefined && (courrier.service === 'CAB' || courrier.priorite === 'urgente' || this.random.chance(0.15))) {
        this.copies.push({ courrier, service: null, elu });
      }
    }
  }
}

export function genererDemo(aujourdhui: string): DemoCourrier {
  const generateur = new Generateur(aujourdhui);
  const arrivees = generateur.genererArrivees();
  generateur.genererReponses(arrivees);
  generateur.genererFils();
  generateur.genererDepartsSpontanes();
  generateur.genererEtatsDesDeparts();
  generateur.genererTachesManuelles(arrivees);
  generateur.genererTachesDuCourrier(arrivees);
  generateur.genererCopies(arrivees);
  if (ELUS.length !== 20) throw new Error('vingt élus attendus');
  return {
    correspondants: generateur.correspondants,
    courriers: generateur.courriers,
    taches: generateur.taches,
    copies: generateur.copies,
    liens: generateur.liens,
    visas: generateur.visas,
  };
}

/**
 * The demo's movements: a few dozen in each state, inscriptions, modifications and radiations,
 * as a town hall has them in progress, decided, transmitted and archived. Pure: electors are named
 * by their index in the list the caller inserts, dates by days before `today`.
 */
import { adresse, electeurFrancais, type Personne, type Territoire } from './personnes.ts';
import type { Random } from './random.ts';

export type Etat = 'a_instruire' | 'en_attente' | 'accepte' | 'refuse' | 'transmis' | 'archive';
type Sorte = 'inscription' | 'office' | 'modification' | 'radiation';

export interface DemoMouvement {
  readonly type_mouvement: string;
  readonly etat: Etat;
  readonly provenance: 'mairie' | 'insee' | 'en_ligne' | 'consulat';
  /** Index of an elector of the main list, or undefined (an inscription not yet accepted, a radiated elector). */
  readonly electeur: number | undefined;
  readonly personne: Personne;
  readonly ancien_bureau: number | null;
  readonly commune_provenance: string | null;
  readonly date_demande: string;
  readonly date_decision: string | null;
  readonly motif_refus: string | null;
  readonly doublon: boolean;
  /** Codes of the types of pièce provided. */
  readonly pieces: readonly string[];
}

/** How many movements of each sort in each state. */
export const PLAN: Readonly<Record<Etat, Readonly<Partial<Record<Sorte, number>>>>> = {
  a_instruire: { inscription: 15, modification: 8, radiation: 7 },
  en_attente: { inscription: 12, office: 5, modification: 8, radiation: 5 },
  accepte: { inscription: 15, modification: 10, radiation: 5 },
  refuse: { inscription: 20, modification: 5, radiation: 5 },
  transmis: { inscription: 15, modification: 10, radiation: 5 },
  archive: { inscription: 15, modification: 10, radiation: 5 },
};

/** Pending inscriptions that repeat an elector's birth name and date: the duplicate check has work. */
export const DOUBLONS = 3;

const MOTIFS_REFUS = [
  'Le demandeur ne justifie d’aucune attache avec la commune (domicile, résidence ou contribution).',
  'Le justificatif de domicile fourni date de plus de trois mois.',
  'La pièce d’identité fournie est expirée depuis plus de cinq ans.',
  'Le demandeur est déjà inscrit sur la liste électorale de la commune.',
  'Le demandeur n’aura pas dix-huit ans à la date du scrutin.',
];

const DAY_MS = 86_400_000;
const daysBefore = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Days before today of the request, by state. */
const AGE: Readonly<Record<Etat, readonly [number, number]>> = {
  a_instruire: [0, 20],
  en_attente: [10, 45],
  accepte: [30, 120],
  refuse: [30, 150],
  transmis: [60, 250],
  archive: [400, 700],
};

const decided = (etat: Etat) => etat !== 'a_instruire' && etat !== 'en_attente';

/** A young person turning eighteen, registered by the INSEE. */
function jeuneMajeur(random: Random, territoire: Territoire, today: string): Personne {
  const personne = electeurFrancais(random, territoire);
  const annee = Number(today.slice(0, 4)) - 18;
  return { ...personne, nom_usage: null, date_naissance: `${annee}-${today.slice(5, 7)}-${String(random.int(1, 28)).padStart(2, '0')}` };
}

export function planMouvements(random: Random, territoire: Territoire, electeurs: readonly Personne[], today: string, communes: readonly string[]): DemoMouvement[] {
  const used = new Set<number>();
  const someElecteur = (): number => {
    for (;;) {
      const index = random.int(0, electeurs.length - 1);
      if (!used.has(index)) {
        used.add(index);
        return index;
      }
    }
  };
  const electeurAt = (index: number): Personne => {
    const personne = electeurs[index];
    if (!personne) throw new Error(`électeur ${index} absent de la démonstration`);
    return personne;
  };
  const mouvements: DemoMouvement[] = [];
  let doublons = 0;
  for (const [etat, sortes] of Object.entries(PLAN) as [Etat, Partial<Record<Sorte, number>>][]) {
    for (const [sorte, count] of Object.entries(sortes) as [Sorte, number][]) {
      for (let n = 0; n < count; n++) {
        const [from, to] = AGE[etat];
        const age = random.int(from, to);
        const base = {
          etat,
          date_demande: daysBefore(today, age),
          date_decision: decided(etat) ? daysBefore(today, Math.max(0, age - random.int(3, 20))) : null,
          motif_refus: etat === 'refuse' ? random.pick(MOTIFS_REFUS) : null,
          commune_provenance: null,
          ancien_bureau: null,
          doublon: false,
        };
        if (sorte === 'inscription') {
          const existing = decided(etat) && etat !== 'refuse' ? someElecteur() : undefined;
          let personne = existing === undefined ? electeurFrancais(random, territoire) : electeurAt(existing);
          const doublon = etat === 'a_instruire' && doublons < DOUBLONS;
          if (doublon) {
            doublons++;
            const twin = electeurAt(someElecteur());
            personne = { ...personne, nom: twin.nom, date_naissance: twin.date_naissance, sexe: twin.sexe, civilite: twin.civilite };
          }
          const venant = random.chance(0.3);
          mouvements.push({
            ...base,
            type_mouvement: venant ? 'CC' : 'VOL1',
            provenance: random.chance(0.6) ? 'en_ligne' : random.chance(0.9) ? 'mairie' : 'consulat',
            electeur: existing,
            personne,
            commune_provenance: venant ? random.pick(communes) : null,
            doublon,
            pieces: [random.chance(0.8) ? 'CNI' : 'PASSEPORT', 'DOMICILE'],
          });
        } else if (sorte === 'office') {
          mouvements.push({ ...base, type_mouvement: 'IO', provenance: 'insee', electeur: undefined, personne: jeuneMajeur(random, territoire, today), pieces: [] });
        } else if (sorte === 'modification') {
          const index = someElecteur();
          const current = electeurAt(index);
          // Pending: the new address asked for; decided: the elector already lives there.
          const personne = decided(etat) && etat !== 'refuse' ? current : { ...current, ...adresse(random, territoire), bureau_force: false, motif_bureau_force: null };
          const ancien = decided(etat) && etat !== 'refuse' ? (current.bureau + 1) % territoire.bureaux : current.bureau;
          mouvements.push({ ...base, type_mouvement: 'OEL_M_ADR', provenance: random.chance(0.5) ? 'en_ligne' : 'mairie', electeur: index, personne, ancien_bureau: ancien, pieces: ['DOMICILE'] });
        } else {
          // A radiation decided removes the elector: only the movement keeps their fields.
          const radie = decided(etat) && etat !== 'refuse';
          const index = radie ? undefined : someElecteur();
          const deces = random.chance(0.5);
          mouvements.push({
            ...base,
            type_mouvement: deces ? 'DC' : 'DP',
            provenance: deces && random.chance(0.5) ? 'insee' : 'mairie',
            electeur: index,
            personne: index === undefined ? electeurFrancais(random, territoire) : electeurAt(index),
            ancien_bureau: null,
            pieces: [],
          });
        }
      }
    }
  }
  return mouvements;
}

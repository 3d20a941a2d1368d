/**
 * The redécoupage simulation (reference §4.16, §7): what a new découpage would do to the electors
 * on the list (movements in progress are not counted), and the modifications (type « BR ») that
 * would put each elector in the bureau of their address.
 *
 * An elector in a forced bureau stays there. An elector whose address no range of the new
 * découpage holds keeps their bureau and is listed in `horsDecoupage`, so the agent can complete
 * the découpage first.
 */
import { bureauOf, type DecoupageRange } from './decoupage.ts';

/** The movement type of a bureau change by redécoupage (reference §3.3). */
export const TYPE_MOUVEMENT_REDECOUPAGE = 'BR';

export interface ElecteurAdresse {
  readonly electeur: number;
  readonly voie: number;
  readonly numero: number;
  readonly bureau: number | null;
  readonly bureau_force: boolean;
}

export interface DecoupageRow extends DecoupageRange {
  readonly voie: number;
}

export interface BureauSimulation {
  readonly bureau: number;
  /** Electors in the bureau now. */
  readonly avant: number;
  /** Of those, the ones in a forced bureau (they stay). */
  readonly force: number;
  /** Electors in the bureau after the new découpage. */
  readonly apres: number;
  readonly entrants: number;
  readonly sortants: number;
}

export interface RedecoupageModification {
  readonly electeur: number;
  readonly ancien_bureau: number | null;
  readonly nouveau_bureau: number;
  readonly type_mouvement: typeof TYPE_MOUVEMENT_REDECOUPAGE;
}

export interface RedecoupageSimulation {
  /** One line per bureau: those of `options.bureaux` in that order, then the others by id. */
  readonly bureaux: readonly BureauSimulation[];
  readonly totaux: {
    /** Every elector given. */
    readonly electeurs: number;
    /** Electors in a forced bureau. */
    readonly force: number;
    /** Electors without a bureau, before and after. */
    readonly sansBureauAvant: number;
    readonly sansBureauApres: number;
  };
  /** Share of the electors in a forced bureau, in percent (0 when there is no elector). */
  readonly pourcentageForce: number;
  /** The movements to create, in the order of the electors given. */
  readonly modifications: readonly RedecoupageModification[];
  /** Electors not forced whose address the new découpage does not hold: they keep their bureau. */
  readonly horsDecoupage: readonly ElecteurAdresse[];
}

export interface SimulateOptions {
  /** Every bureau of the collectivité, in display order (a bureau without electors gets its line). */
  readonly bureaux?: readonly number[];
}

interface Counts {
  avant: number;
  force: number;
  apres: number;
  entrants: number;
  sortants: number;
}

export function simulateRedecoupage(
  electeurs: readonly ElecteurAdresse[],
  decoupage: readonly DecoupageRow[],
  options: SimulateOptions = {},
): RedecoupageSimulation {
  const rangesByVoie = new Map<number, DecoupageRow[]>();
  for (const row of decoupage) {
    const ranges = rangesByVoie.get(row.voie);
    if (ranges) ranges.push(row);
    else rangesByVoie.set(row.voie, [row]);
  }

  const counts = new Map<number, Counts>();
  const countsOf = (bureau: number): Counts => {
    let found = counts.get(bureau);
    if (!found) counts.set(bureau, (found = { avant: 0, force: 0, apres: 0, entrants: 0, sortants: 0 }));
    return found;
  };
  for (const bureau of options.bureaux ?? []) countsOf(bureau);
  for (const row of decoupage) countsOf(row.bureau);

  const modifications: RedecoupageModification[] = [];
  const horsDecoupage: ElecteurAdresse[] = [];
  let force = 0;
  let sansBureauAvant = 0;
  let sansBureauApres = 0;
  for (const electeur of electeurs) {
    const before = electeur.bureau;
    let after = before;
    if (electeur.bureau_force) {
      force++;
    } else {
      const computed = bureauOf(rangesByVoie.get(electeur.voie) ?? [], electeur.numero);
      if (computed === undefined) horsDecoupage.push(electeur);
      else after = computed;
    }
    if (before === null) sansBureauAvant++;
    else {
      const line = countsOf(before);
      line.avant++;
      if (electeur.bureau_force) line.force++;
      if (after !== before) line.sortants++;
    }
    if (after === null) sansBureauApres++;
    else {
      const line = countsOf(after);
      line.apres++;
      if (after !== before) line.entrants++;
    }
    if (after !== null && after !== before) {
      modifications.push({ electeur: electeur.electeur, ancien_bureau: before, nouveau_bureau: after, type_mouvement: TYPE_MOUVEMENT_REDECOUPAGE });
    }
  }

  const order = options.bureaux ?? [];
  const rank = (bureau: number): number => {
    const position = order.indexOf(bureau);
    return position === -1 ? order.length : position;
  };
  const bureaux = [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a - b)
    .map(([bureau, line]) => ({ bureau, ...line }));
  return {
    bureaux,
    totaux: { electeurs: electeurs.length, force, sansBureauAvant, sansBureauApres },
    pourcentageForce: electeurs.length === 0 ? 0 : (force * 100) / electeurs.length,
    modifications,
    horsDecoupage,
  };
}

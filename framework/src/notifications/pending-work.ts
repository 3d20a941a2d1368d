/**
 * What an application declares so that its agents receive, once a day, the work waiting for them
 * (issue 16 §5): mail tasks due, movements to instruct, concessions reaching their term. The
 * framework calls the source as the agent (row-level security applies), so an application lists
 * only what the agent may see, and the agent's permissions decide whether a section is shown.
 */
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';

/** One piece of pending work, with the page that deals with it. */
export interface PendingItem {
  /** What it is, as the agent knows it: « Répondre à 2026-42 — Demande de permis… ». */
  readonly label: string;
  /** Address in the application, from the site's root (« /courrier/tache/12 »); the e-mail makes it absolute. */
  readonly path: string;
  /** Due date (ISO `YYYY-MM-DD`), when the work has one. */
  readonly due?: string;
  /** Past its due date. */
  readonly late?: boolean;
}

/** A heading of the e-mail (« Tâches du courrier à traiter ») and its items, the most urgent first. */
export interface PendingWorkSection {
  readonly title: string;
  /** At most a few dozen items; `total` tells how many there are in all. */
  readonly items: readonly PendingItem[];
  readonly total: number;
  /** Where the whole list is (« /courrier/mon-courrier »), when there are more than the items shown. */
  readonly listPath?: string;
}

export interface PendingWorkContext {
  /** A reading transaction as the agent: row-level security applies. */
  readonly db: Db;
  readonly actor: Actor;
  /** Today in Paris, `YYYY-MM-DD`. */
  readonly today: string;
}

/** An application's pending work for one agent; empty sections are left out of the e-mail. */
export type PendingWorkSource = (context: PendingWorkContext) => Promise<readonly PendingWorkSection[]>;

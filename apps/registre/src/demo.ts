/**
 * Loads the demo register of « Libreville » (collectivité 1) through the record service, as the
 * system: the same rules and audit as a user's input. Statuses are set with the workflow actions.
 * Libreville also gets what its register prints (address, SIRET, DPO) and the demo logo that the
 * register's documents (migration 0003) show, so that they print at once.
 */
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { installDemoLogo } from '../../../framework/src/documents/logos/demo.ts';
import type { Row } from '../../../framework/src/db/index.ts';
import { createRecord, listRecords, runAction, updateRecord, type ReadDeps } from '../../../framework/src/records/index.ts';
import type { Runtime } from '../../../framework/src/runtime.ts';
import {
  CATEGORIES_DONNEES,
  CATEGORIES_PERSONNES,
  COLLECTIVITE,
  DESTINATAIRES,
  MESURES,
  SERVICES,
  SOUS_TRAITANTS,
  TRAITEMENTS,
  type DemoTraitement,
} from '../demo/libreville.ts';

export const DEMO_COLLECTIVITE = 1;
const DAY_MS = 86_400_000;

const isoDaysFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

class DemoWriter {
  readonly #deps: ReadDeps;

  constructor(private readonly runtime: Runtime) {
    this.#deps = { db: runtime.db, registry: runtime.registry, locale: runtime.config.locale, exactCountLimit: runtime.config.exactCountLimit };
  }

  #object(table: string) {
    const object = this.runtime.registry.get('registre', table);
    if (!object) throw new Error(`objet registre/${table} non enregistré`);
    return object;
  }

  async create(table: string, values: Row): Promise<number> {
    const row = await createRecord(this.#deps, SYSTEM_ACTOR, this.#object(table), { ...values, om_collectivite: DEMO_COLLECTIVITE });
    return Number(row[table]);
  }

  /** Creates each row and returns their keys by label. */
  async createAll(table: string, rows: readonly Row[]): Promise<Map<string, number>> {
    const keys = new Map<string, number>();
    for (const row of rows) keys.set(String(row.libelle), await this.create(table, row));
    return keys;
  }

  async legalBases(): Promise<Map<string, number>> {
    const { rows } = await listRecords(this.#deps, SYSTEM_ACTOR, this.#object('base_legale'), { perPage: 50, count: 'none' });
    return new Map(rows.map((row) => [String(row.code), Number(row.base_legale)]));
  }

  /** The collectivité's contact details and DPO, through the same checks as the administrator's form. */
  async describeCollectivite(): Promise<void> {
    const object = this.runtime.registry.get('om', 'om_collectivite');
    if (!object) throw new Error('objet om/om_collectivite non enregistré');
    await updateRecord(this.#deps, SYSTEM_ACTOR, object, String(DEMO_COLLECTIVITE), { ...COLLECTIVITE });
  }

  async act(table: string, key: number, action: string): Promise<void> {
    await runAction(this.#deps, SYSTEM_ACTOR, this.#object(table), String(key), action, {});
  }
}

interface Lists {
  readonly bases: Map<string, number>;
  readonly services: Map<string, number>;
  readonly donnees: Map<string, number>;
  readonly personnes: Map<string, number>;
  readonly destinataires: Map<string, number>;
  readonly sousTraitants: Map<string, number>;
  readonly mesures: Map<string, number>;
}

function keyOf(keys: Map<string, number>, label: string): number {
  const key = keys.get(label);
  if (key === undefined) throw new Error(`donnée de démonstration inconnue : ${label}`);
  return key;
}

async function addTraitement(writer: DemoWriter, lists: Lists, demo: DemoTraitement): Promise<void> {
  const traitement = await writer.create('traitement', {
    libelle: demo.libelle,
    finalite: demo.finalite,
    base_legale: keyOf(lists.bases, demo.base),
    service: keyOf(lists.services, demo.service),
    responsable: demo.responsable,
    date_revue_dpo: isoDaysFromToday(demo.revueDans),
    donnees_sensibles: demo.sensibles ?? false,
    date_aipd: demo.dateAipd ?? null,
  });
  const links: [string, string, Map<string, number>, readonly string[]][] = [
    ['traitement_categorie_donnees', 'categorie_donnees', lists.donnees, demo.donnees],
    ['traitement_categorie_personnes', 'categorie_personnes', lists.personnes, demo.personnes],
    ['traitement_destinataire', 'destinataire', lists.destinataires, demo.destinataires],
    ['traitement_sous_traitant', 'sous_traitant', lists.sousTraitants, demo.sousTraitants ?? []],
    ['traitement_mesure_securite', 'mesure_securite', lists.mesures, demo.mesures],
  ];
  for (const [table, column, keys, labels] of links) {
    for (const label of labels) await writer.create(table, { traitement, [column]: keyOf(keys, label) });
  }
  for (const { duree, depart, categorie } of demo.conservation) {
    await writer.create('duree_conservation', { traitement, duree, point_depart: depart, categorie_donnees: categorie ? keyOf(lists.donnees, categorie) : null });
  }
  for (const { pays, garanties } of demo.transferts ?? []) await writer.create('transfert_hors_ue', { traitement, pays, garanties });
  if (demo.statut !== 'brouillon') await writer.act('traitement', traitement, 'valider');
  if (demo.statut === 'archive') await writer.act('traitement', traitement, 'archiver');
}

export async function loadDemo(runtime: Runtime): Promise<void> {
  const writer = new DemoWriter(runtime);
  const lists: Lists = {
    bases: await writer.legalBases(),
    services: await writer.createAll('service', SERVICES),
    donnees: await writer.createAll('categorie_donnees', CATEGORIES_DONNEES),
    personnes: await writer.createAll('categorie_personnes', CATEGORIES_PERSONNES),
    destinataires: await writer.createAll('destinataire', DESTINATAIRES),
    sousTraitants: await writer.createAll('sous_traitant', SOUS_TRAITANTS),
    mesures: await writer.createAll('mesure_securite', MESURES),
  };
  for (const demo of TRAITEMENTS) await addTraitement(writer, lists, demo);
  await writer.describeCollectivite();
  await installDemoLogo(runtime, DEMO_COLLECTIVITE);
}

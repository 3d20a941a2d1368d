/**
 * Loads the electoral lists of « Libreville » (collectivité 1), the demo town the framework
 * creates: its cantons, constituency, twelve bureaux, sixty streets and NC1, the split of each
 * street into bureaux, 20,000 electors on the main list and a few hundred citizens of the European
 * Union on the complementary lists, numbered in alphabetical order, and movements in every state.
 * Deterministic (seeded) and written by batched inserts, as the system, in the collectivité's
 * scope: the rows respect every rule of the forms (tested), which checking them one by one through
 * the record service would only make slower.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { writeAs, type Db } from '../../../framework/src/db/index.ts';
import { remplacerAdresses } from '../../../framework/src/maps/adresses.ts';
import type { Runtime } from '../../../framework/src/runtime.ts';
import { splitVoie, type DemoRange } from '../demo/decoupage.ts';
import { carteDemo } from '../demo/carte.ts';
import { BUREAUX, CANTONS, CIRCONSCRIPTIONS, SCRUTINS, VOIES } from '../demo/libreville.ts';
import { planMouvements, type DemoMouvement } from '../demo/mouvements.ts';
import { electeurEuropeen, electeurFrancais, type Personne, type Territoire } from '../demo/personnes.ts';
import { Random, Weighted } from '../demo/random.ts';
import { insertRows } from '../demo/sql.ts';
import { todayInParis } from './rules/dates.ts';
import { numberElectors } from './rules/numerotation.ts';

export const DEMO_COLLECTIVITE = 1;
export const DEMO_SEED = 20_260_315;
export const ELECTEURS_LP = 20_000;
export const EUROPEENS_LCE = 300;
/** Share of the LCE electors also on the LCM. */
const AUSSI_LCM = 0.8;
const VOIES_PAR_BUREAU = VOIES.length / BUREAUX.length;
const CODE_POSTAL_NC1 = '00100';

interface Geographie {
  readonly bureaux: readonly number[];
  /** Keys of the voies, NC1 last. */
  readonly voies: readonly number[];
  readonly decoupage: ReadonlyMap<number, readonly DemoRange[]>;
}

/**
 * The bureaux on the map (issue 13 §7): their point at their address and their secteur, the voies'
 * address points for « Localiser », and the bureaux' map (the syndicat's, which serves every commune):
 * Lambert-93, the secteurs drawn under the points and coloured by canton.
 */
async function loadCarte(trx: Db, bureaux: readonly number[], voies: readonly number[], cantons: readonly (number | undefined)[]): Promise<void> {
  const c = DEMO_COLLECTIVITE;
  const carte = carteDemo(DEMO_SEED);
  for (const [index, bureau] of carte.bureaux.entries()) {
    await sql`update elections.bureau set geom = ST_GeomFromText(${bureau.point}, 2154), perimetre = ST_GeomFromText(${bureau.perimetre}, 2154),
        voie = ${bureau.voie === undefined ? null : (voies[bureau.voie] ?? null)}, numero_voie = ${bureau.numero ?? null}
      where bureau = ${bureaux[index]}`.execute(trx);
  }
  await remplacerAdresses(trx, c, carte.adresses, 'demo');
  const [ouest, sud, est, nord] = carte.emprise;
  const [longitude, latitude] = carte.centre;
  // The syndicat's map (niveau 2): every commune's users see it, and so does its administrator. No
  // zoom: the view fits the town's extent (a zoom level means other scales in Lambert-93 than on the web).
  const syndicat = (await sql<{ om_collectivite: number }>`select om_collectivite from om.om_collectivite where niveau = '2'`.execute(trx)).rows[0]?.om_collectivite ?? c;
  const inserted = await sql<{ om_sig_carte: number }>`insert into om.om_sig_carte (om_collectivite, libelle, objet, projection, centre_longitude, centre_latitude, zoom,
      emprise_min_longitude, emprise_min_latitude, emprise_max_longitude, emprise_max_latitude)
    values (${syndicat}, 'Bureaux de vote', 'elections.bureau', 'EPSG:2154', ${longitude}, ${latitude}, null, ${ouest}, ${sud}, ${est}, ${nord})
    returning om_sig_carte`.execute(trx);
  const carteId = inserted.rows[0]?.om_sig_carte;
  const couche = await sql<{ om_sig_couche: number }>`insert into om.om_sig_couche (om_collectivite, om_sig_carte, libelle, objet, champ_geometrie, champ_style, ordre, visible)
    values (${syndicat}, ${carteId}, 'Secteurs des bureaux', 'elections.bureau', 'perimetre', 'canton', 1, true) returning om_sig_couche`.execute(trx);
  const coucheId = couche.rows[0]?.om_sig_couche;
  const couleurs = ['#1f6fb2', '#b8520a'];
  for (const [index, canton] of CANTONS.entries()) {
    await sql`insert into om.om_sig_legende (om_collectivite, om_sig_couche, valeur, libelle, couleur)
      values (${syndicat}, ${coucheId}, ${String(cantons[index])}, ${`Canton ${canton.libelle}`}, ${couleurs[index % couleurs.length]})`.execute(trx);
  }
}

async function loadGeographie(trx: Db): Promise<Geographie> {
  const c = DEMO_COLLECTIVITE;
  const cantons = await insertRows(trx, 'canton', ['code', 'libelle', 'om_collectivite'], CANTONS.map((canton) => [canton.code, canton.libelle, c]));
  const cantonOf = new Map(CANTONS.map((canton, index) => [canton.code, cantons[index]]));
  const [circonscription] = await insertRows(trx, 'circonscription', ['code', 'libelle', 'om_collectivite'], CIRCONSCRIPTIONS.map((item) => [item.code, item.libelle, c]));
  const bureaux = await insertRows(
    trx,
    'bureau',
    ['code', 'libelle', 'adresse', 'canton', 'circonscription', 'capacite', 'om_collectivite'],
    BUREAUX.map((bureau) => [bureau.code, bureau.libelle, bureau.adresse, cantonOf.get(bureau.canton), circonscription, bureau.capacite, c]),
  );
  const voies = await insertRows(
    trx,
    'voie',
    ['code', 'libelle', 'code_postal', 'ville', 'om_collectivite'],
    [
      ...VOIES.map((voie, index) => [`V${String(index + 1).padStart(3, '0')}`, voie.libelle, voie.codePostal, 'Libreville', c]),
      ['NC1', 'NON COMMUNIQUÉE', CODE_POSTAL_NC1, 'Libreville', c],
    ],
  );
  const decoupage = new Map<number, readonly DemoRange[]>();
  VOIES.forEach((voie, index) => decoupage.set(index, splitVoie(index, voie.dernierNumero, BUREAUX.length, VOIES_PAR_BUREAU)));
  decoupage.set(VOIES.length, [{ voie: VOIES.length, bureau: 0, premier_impair: 1, dernier_impair: 9999, premier_pair: 0, dernier_pair: 9998 }]);
  await insertRows(
    trx,
    'decoupage',
    ['voie', 'bureau', 'premier_impair', 'dernier_impair', 'premier_pair', 'dernier_pair', 'om_collectivite'],
    [...decoupage.values()].flat().map((range) => [voies[range.voie], bureaux[range.bureau], range.premier_impair, range.dernier_impair, range.premier_pair, range.dernier_pair, c]),
  );
  await insertRows(trx, 'scrutin', ['libelle', 'type', 'date_tour1', 'date_tour2', 'om_collectivite'], SCRUTINS.map((scrutin) => [scrutin.libelle, scrutin.type, scrutin.date_tour1, scrutin.date_tour2, c]));
  await loadCarte(trx, bureaux, voies, cantons);
  return { bureaux, voies, decoupage };
}

/** The communes of birth, weighted by population (the package's, as the referential loaded them). */
function communesDeNaissance(): Weighted<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const communes = (JSON.parse(readFileSync(file, 'utf8')) as { code: string; type: string; population?: number }[]).filter(
    (commune) => commune.type === 'commune-actuelle' && (commune.population ?? 0) > 0,
  );
  return new Weighted(
    communes.map((commune) => commune.code),
    (_code, index) => communes[index]?.population ?? 0,
  );
}

const PERSONNE_COLUMNS = [
  'civilite', 'sexe', 'nom', 'nom_usage', 'prenoms', 'date_naissance', 'naissance_lieu', 'commune_naissance', 'pays_naissance',
  'departement_algerie', 'libelle_lieu_naissance', 'nationalite', 'voie', 'numero', 'complement_numero', 'complement',
  'contact_adresse', 'contact_complement', 'contact_code_postal', 'contact_ville', 'telephone', 'courriel', 'bureau',
  'bureau_force', 'motif_bureau_force',
] as const;

function personneValues(personne: Personne, geographie: Geographie): unknown[] {
  return PERSONNE_COLUMNS.map((column) => {
    if (column === 'voie') return geographie.voies[personne.voie];
    if (column === 'bureau') return geographie.bureaux[personne.bureau];
    return personne[column];
  });
}

interface Inscrit {
  readonly liste: 'LP' | 'LCE' | 'LCM';
  readonly ine: string;
  readonly personne: Personne;
  date_inscription: string;
  type_inscription: string;
  readonly carte_retour: string | null;
}

function inscrits(random: Random, territoire: Territoire): Inscrit[] {
  const inscrit = (liste: Inscrit['liste'], index: number, personne: Personne): Inscrit => {
    const majorite = Number(personne.date_naissance.slice(0, 4)) + 18;
    // Eighteen this year: registered by the INSEE on their birthday; the others some year since.
    const annee = majorite >= 2026 ? majorite : random.int(Math.max(majorite, 1990), 2025);
    const jour = majorite >= 2026 ? personne.date_naissance.slice(5).replace('02-29', '03-01') : `${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    return {
      liste,
      ine: String(300_000_000 + index * 7),
      personne,
      date_inscription: `${annee}-${jour}`,
      type_inscription: annee === majorite ? 'IO' : random.pick(['VOL1', 'VOL1', 'CC', 'PI']),
      carte_retour: random.chance(0.005) ? `2026-${String(random.int(4, 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
    };
  };
  const list: Inscrit[] = [];
  for (let index = 0; index < ELECTEURS_LP; index++) list.push(inscrit('LP', index, electeurFrancais(random, territoire)));
  for (let index = 0; index < EUROPEENS_LCE; index++) {
    const personne = electeurEuropeen(random, territoire);
    const lce = inscrit('LCE', ELECTEURS_LP + index, personne);
    list.push(lce);
    if (random.chance(AUSSI_LCM)) list.push({ ...lce, liste: 'LCM' });
  }
  return list;
}

const ELECTEUR_COLUMNS = [
  'liste', 'ine', ...PERSONNE_COLUMNS, 'date_inscription', 'type_inscription', 'carte_retour', 'numero_liste', 'numero_bureau', 'om_collectivite',
];

/**
 * The numbers in the list and in the bureau of each elector (by index), in alphabetical order
 * (`rules/numerotation.ts`), computed before the rows are written: the keys follow the order of
 * insertion, so the index breaks ties as the key would.
 */
function numeros(list: readonly Inscrit[]): Map<number, { numero_liste: number; numero_bureau: number | null }> {
  const numbers = new Map<number, { numero_liste: number; numero_bureau: number | null }>();
  for (const liste of ['LP', 'LCE', 'LCM'] as const) {
    const rows = list.flatMap((item, index) =>
      item.liste === liste ? [{ electeur: index, bureau: item.personne.bureau, nom: item.personne.nom, prenoms: item.personne.prenoms, date_naissance: item.personne.date_naissance }] : [],
    );
    for (const numero of numberElectors(rows)) numbers.set(numero.electeur, numero);
  }
  return numbers;
}

async function loadElecteurs(db: Db, list: readonly Inscrit[], geographie: Geographie): Promise<number[]> {
  const numbers = numeros(list);
  const rows = list.map((item, index) => [
    item.liste,
    item.ine,
    ...personneValues(item.personne, geographie),
    item.date_inscription,
    item.type_inscription,
    item.carte_retour,
    numbers.get(index)?.numero_liste ?? null,
    numbers.get(index)?.numero_bureau ?? null,
    DEMO_COLLECTIVITE,
  ]);
  const keys: number[] = [];
  // One transaction per few thousand rows: the embedded database serves others in between.
  for (let start = 0; start < rows.length; start += 5000) {
    keys.push(...(await writeAs(db, SYSTEM_ACTOR, (trx) => insertRows(trx, 'electeur', ELECTEUR_COLUMNS, rows.slice(start, start + 5000)))));
  }
  return keys;
}

const MOUVEMENT_COLUMNS = [
  'type_mouvement', 'liste', 'electeur', 'date_demande', 'provenance', 'etat', 'motif_refus', 'date_decision',
  ...PERSONNE_COLUMNS, 'ancien_bureau', 'commune_provenance', 'doublon_arbitre', 'om_collectivite',
];

async function loadMouvements(trx: Db, mouvements: readonly DemoMouvement[], electeurs: readonly number[], geographie: Geographie): Promise<void> {
  const keys = await insertRows(
    trx,
    'mouvement',
    MOUVEMENT_COLUMNS,
    mouvements.map((mouvement) => [
      mouvement.type_mouvement,
      'LP',
      mouvement.electeur === undefined ? null : electeurs[mouvement.electeur],
      mouvement.date_demande,
      mouvement.provenance,
      mouvement.etat,
      mouvement.motif_refus,
      mouvement.date_decision,
      ...personneValues(mouvement.personne, geographie),
      mouvement.ancien_bureau === null ? null : geographie.bureaux[mouvement.ancien_bureau],
      mouvement.commune_provenance,
      false,
      DEMO_COLLECTIVITE,
    ]),
  );
  const types = new Map(
    (await sql<{ code: string; type_piece: number; libelle: string }>`select code, type_piece, libelle from elections.type_piece`.execute(trx)).rows.map((row) => [row.code, row]),
  );
  const pieces = mouvements.flatMap((mouvement, index) =>
    mouvement.pieces.map((code) => {
      const type = types.get(code);
      if (!type) throw new Error(`type de pièce ${code} absent`);
      return [keys[index], type.type_piece, type.libelle, DEMO_COLLECTIVITE];
    }),
  );
  await insertRows(trx, 'piece', ['mouvement', 'type_piece', 'libelle', 'om_collectivite'], pieces);
}

/** What `loadDemo` wrote, for its callers (tests, the benchmark's report). */
export interface DemoSummary {
  readonly electeurs: number;
  readonly mouvements: number;
  readonly ms: number;
}

export async function loadElectionsDemo(db: Db, today = todayInParis()): Promise<DemoSummary> {
  const started = Date.now();
  const random = new Random(DEMO_SEED);
  const geographie = await writeAs(db, SYSTEM_ACTOR, (trx) => loadGeographie(trx));
  const territoire: Territoire = {
    communes: communesDeNaissance(),
    voies: [...VOIES.map((voie) => voie.dernierNumero), 0],
    decoupage: geographie.decoupage,
    bureaux: BUREAUX.length,
  };
  const list = inscrits(random, territoire);
  const principale = list.filter((item) => item.liste === 'LP');
  const communes = ['69123', '13055', '31555', '35238', '67482', '33063'];
  const mouvements = planMouvements(random, territoire, principale.map((item) => item.personne), today, communes);
  // An inscription accepted (or further) is how its elector came onto the list.
  for (const mouvement of mouvements) {
    if (mouvement.electeur === undefined || !mouvement.date_decision || !['VOL1', 'CC'].includes(mouvement.type_mouvement)) continue;
    const inscrit = principale[mouvement.electeur];
    if (!inscrit) continue;
    inscrit.type_inscription = mouvement.type_mouvement;
    inscrit.date_inscription = mouvement.date_decision;
  }
  const keys = await loadElecteurs(db, list, geographie);
  const principaleKeys = keys.filter((_key, index) => list[index]?.liste === 'LP');
  await writeAs(db, SYSTEM_ACTOR, (trx) => loadMouvements(trx, mouvements, principaleKeys, geographie));
  return { electeurs: list.length, mouvements: mouvements.length, ms: Date.now() - started };
}

export async function loadDemo(runtime: Runtime): Promise<void> {
  const summary = await loadElectionsDemo(runtime.db.kysely);
  runtime.logger.info({ ...summary }, 'élections : données de démonstration chargées');
}

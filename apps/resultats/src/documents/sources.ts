/**
 * The code sources of the election documents (`om_requete.type = 'objet'`): the header, the totals
 * over the validated bureaux, the progress « n bureaux sur N » and the outcome, which SQL cannot
 * compute (seats). Read as the user (collectivité, RLS); an election they cannot see gives no row.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { DocumentSourceContext, DocumentSourceSpec } from '../../../../framework/src/model/extensions.ts';
import { repartitionDeLElection } from '../sieges/index.ts';
import { totauxElection } from '../totaux/index.ts';
import { issueAvecSieges, issueSansSieges, type IssueDuScrutin } from './issue.ts';
import { message } from './messages.ts';
import { enTete, toutValide } from './scrutin.ts';

type Ligne = Readonly<Record<string, string | number>>;

const CHAMPS_EN_TETE = [
  'collectivite', 'election', 'type_libelle', 'date_scrutin', 'tour_libelle', 'avancement', 'inscrits', 'votants',
  'abstentions', 'participation', 'blancs', 'nuls', 'exprimes', 'voix_detail',
] as const;
const CHAMPS_ISSUE = ['sieges_titre', 'sieges_detail', 'elus', 'issue'] as const;

const champs = (names: readonly (keyof typeof CHAMPS_LIBELLES)[]) => names.map((name) => ({ name, label: CHAMPS_LIBELLES[name] }));
const CHAMPS_LIBELLES = {
  collectivite: message('champ.collectivite'),
  election: message('champ.election'),
  type_libelle: message('champ.type_libelle'),
  date_scrutin: message('champ.date_scrutin'),
  tour_libelle: message('champ.tour_libelle'),
  avancement: message('champ.avancement'),
  inscrits: message('champ.inscrits'),
  votants: message('champ.votants'),
  abstentions: message('champ.abstentions'),
  participation: message('champ.participation'),
  blancs: message('champ.blancs'),
  nuls: message('champ.nuls'),
  exprimes: message('champ.exprimes'),
  voix_detail: message('champ.voix_detail'),
  sieges_titre: message('champ.sieges_titre'),
  sieges_detail: message('champ.sieges_detail'),
  elus: message('champ.elus'),
  issue: message('champ.issue'),
  proclamation: message('champ.proclamation'),
} as const;

/** The election's key from `&idx`, or undefined (no row). */
function electionDe(context: DocumentSourceContext): number | undefined {
  const key = Number(context.params['idx']);
  return Number.isSafeInteger(key) && key > 0 ? key : undefined;
}

/** Every merge field of the election documents, or undefined when the election is not visible. */
async function ligneElection(db: Db, election: number, locale: Locale | undefined): Promise<{ ligne: Ligne; definitif: boolean } | undefined> {
  const totaux = await totauxElection(db, election);
  if (!totaux) return undefined;
  const collectivite = (
    await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${totaux.election.om_collectivite}`.execute(db)
  ).rows[0]?.libelle ?? '';
  const type = totaux.election.type;
  let issue: IssueDuScrutin;
  if (type === 'municipales' || type === 'municipales_moins_1000') {
    const repartition = await repartitionDeLElection(db, election);
    issue = repartition ? issueAvecSieges(totaux, repartition, locale) : issueSansSieges(totaux, locale);
  } else {
    issue = issueSansSieges(totaux, locale);
  }
  return { ligne: { ...enTete(totaux, collectivite, locale), ...issue }, definitif: toutValide(totaux) };
}

async function lignes(context: DocumentSourceContext, finir: (ligne: Ligne, definitif: boolean) => Ligne): Promise<Ligne[]> {
  const election = electionDe(context);
  if (election === undefined) return [];
  const lue = await context.read((db) => ligneElection(db, election, context.locale));
  return lue ? [finir(lue.ligne, lue.definitif)] : [];
}

export const procesVerbalSource: DocumentSourceSpec = {
  app: 'resultats',
  name: 'proces_verbal',
  label: message('source.procesVerbal'),
  fields: champs([...CHAMPS_EN_TETE, ...CHAMPS_ISSUE]),
  // A second round (or the majority vote's outcome) is already the seats' text: printed once.
  rows: (context) => lignes(context, (ligne) => (ligne['issue'] === ligne['sieges_detail'] ? { ...ligne, issue: '' } : ligne)),
};

/**
 * The proclamation: the same figures and its text: the outcome, then the seats per list; while a
 * bureau is not validated, only the provisional notice (nobody is proclaimed elected).
 */
export const proclamationSource: DocumentSourceSpec = {
  app: 'resultats',
  name: 'proclamation',
  label: message('source.proclamation'),
  fields: champs([...CHAMPS_EN_TETE, ...CHAMPS_ISSUE, 'proclamation']),
  rows: (context) =>
    lignes(context, (ligne, definitif) => {
      const textes = definitif ? [String(ligne['issue']), String(ligne['sieges_detail'])] : [String(ligne['issue'])];
      const proclamation = [...new Set(textes.filter((texte) => texte !== ''))].join('\n');
      return { ...ligne, proclamation, elus: definitif ? ligne['elus'] ?? '' : '' };
    }),
};

/**
 * The pages of election night (issue 12 §1): « Saisie des résultats » of a bureau, « Valider »,
 * « Déverrouiller », « Participation » and « Soirée électorale » (the follow-up of an election).
 * These pages are the only writers of a bureau's figures, votes, participation and unlocks.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { RouteError, type AppPage, type PageAnswer, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { DEVERROUILLER_PERMISSION, PARTICIPATION_PERMISSION, SAISIE_PERMISSION, VALIDER_PERMISSION } from '../election/permissions.ts';
import { totauxElection } from '../totaux/index.ts';
import { champVoix, incoherences, lireSaisie } from './controles.ts';
import { DeverrouillagePage } from './deverrouillage-page.tsx';
import { deverrouillerBureau, enregistrerSaisie, validerBureau } from './ecriture.ts';
import { cleEntiere } from './format.ts';
import { ETATS_SAISISSABLES, lireResultatBureau, nomBureau, type EtatElection, type ResultatBureau } from './lecture.ts';
import { message } from './messages.ts';
import { ParticipationPage } from './participation-page.tsx';
import { controlerParticipation, enregistrerParticipation, lireParticipation, type Tranche } from './participation.ts';
import { SaisiePage, valeursEnregistrees } from './saisie-page.tsx';
import { ElectionsPage, SuiviPage } from './suivi-page.tsx';

/** Besides `resultats.saisie`, who may follow an election night (a generated permission of `election`). */
const CONSULTER_ELECTION_PERMISSION = 'resultats.election_consulter';

const SOIREE = 'Soirée électorale';
const LIBELLES_ETAT_ELECTION: Readonly<Record<EtatElection, string>> = { preparation: 'en préparation', ouverte: 'ouverte', close: 'close', archivee: 'archivée' };

const electionOuverte = (etat: EtatElection): boolean => ETATS_SAISISSABLES.includes(etat);
const refusElection = (election: { libelle: string; etat: EtatElection }): string =>
  message('electionFermee', { libelle: election.libelle, etat: LIBELLES_ETAT_ELECTION[election.etat] });

async function resultatDe(context: PageContext<Actor>): Promise<ResultatBureau> {
  const cle = cleEntiere(context.params['election_bureau']);
  const resultat = cle === undefined ? undefined : await context.read((db) => lireResultatBureau(db, cle));
  if (!resultat) throw RouteError.notFound(message('introuvable'));
  return resultat;
}

const fil = (resultat: ResultatBureau, title: string) => [{ label: SOIREE, href: `/resultats/suivi/${resultat.election.election}` }, { label: title }];

/** Refusals the page shows (the others, a 404, go to the error page). */
const refusAffichable = (error: unknown): error is RouteError => error instanceof RouteError && error.status !== 404 && error.status !== 403;

// ---- saisie d’un bureau ---------------------------------------------------------------------

async function saisieHandler(context: PageContext<Actor>): Promise<PageAnswer> {
  const resultat = await resultatDe(context);
  const title = `Saisie des résultats — ${nomBureau(resultat.bureau)}`;
  const ouverte = electionOuverte(resultat.election.etat);
  const modifiable = ouverte && resultat.etat !== 'valide';
  const verrou = !ouverte ? refusElection(resultat.election) : resultat.etat === 'valide' ? message('bureauValide') : undefined;
  const vue = (valeurs: Readonly<Record<string, string>>, erreurs: FieldErrors, texte: string | undefined, status: 200 | 422) => ({
    title,
    breadcrumb: fil(resultat, title),
    status,
    messages: texte ? [{ kind: status === 200 ? ('info' as const) : ('error' as const), text: texte }] : [],
    body: SaisiePage({
      resultat,
      csrf: context.csrf,
      valeurs,
      erreurs,
      modifiable,
      peutValider: context.actor.permissions.has(VALIDER_PERMISSION),
      peutDeverrouiller: context.actor.permissions.has(DEVERROUILLER_PERMISSION),
    }),
  });
  if (context.method === 'GET') return vue(valeursEnregistrees(resultat), {}, verrou, 200);
  const tapees: Record<string, string> = {};
  for (const name of ['votants', 'blancs', 'nuls', 'exprimes', ...resultat.candidatures.map((candidature) => champVoix(candidature.candidature))]) {
    tapees[name] = context.form[name] ?? '';
  }
  if (verrou) return vue(tapees, {}, verrou, 422);
  const lu = lireSaisie(context.form, resultat.candidatures);
  if ('erreurs' in lu) return vue(tapees, lu.erreurs, message('champsInvalides'), 422);
  const problemes = incoherences(lu.chiffres, resultat.inscrits, resultat.candidatures);
  if (problemes.length > 0) {
    const erreurs: FieldErrors = {};
    for (const probleme of problemes) {
      const champ = probleme.startsWith('Exprimés') ? 'exprimes' : 'votants';
      erreurs[champ] = erreurs[champ] ? `${erreurs[champ]} ${probleme}` : probleme;
    }
    return vue(tapees, erreurs, message('incoherent', { details: problemes.join(' ') }), 422);
  }
  try {
    await enregistrerSaisie(context.service, context.actor, resultat.election_bureau, lu.chiffres, context.requestId);
  } catch (error) {
    if (refusAffichable(error)) return vue(tapees, {}, error.message, 422);
    throw error;
  }
  return {
    redirect: `/resultats/saisie/${resultat.election_bureau}`,
    flash: { kind: 'success', text: message('enregistre', { bureau: nomBureau(resultat.bureau) }) },
  };
}

const saisiePage: AppPage = {
  app: 'resultats',
  path: 'saisie/:election_bureau',
  methods: ['GET', 'POST'],
  permission: SAISIE_PERMISSION,
  handler: saisieHandler,
};

// ---- validation et déverrouillage -----------------------------------------------------------

const validerPage: AppPage = {
  app: 'resultats',
  path: 'valider/:election_bureau',
  methods: ['POST'],
  permission: VALIDER_PERMISSION,
  async handler(context) {
    const resultat = await resultatDe(context);
    const redirect = context.form['retour'] === 'suivi' ? `/resultats/suivi/${resultat.election.election}` : `/resultats/saisie/${resultat.election_bureau}`;
    try {
      const bureau = await validerBureau(context.service, context.actor, resultat.election_bureau, context.requestId);
      return { redirect, flash: { kind: 'success', text: message('valide', { bureau }) } };
    } catch (error) {
      if (refusAffichable(error)) return { redirect, flash: { kind: 'error', text: error.message } };
      throw error;
    }
  },
};

const deverrouillerPage: AppPage = {
  app: 'resultats',
  path: 'deverrouiller/:election_bureau',
  methods: ['GET', 'POST'],
  permission: DEVERROUILLER_PERMISSION,
  async handler(context) {
    const resultat = await resultatDe(context);
    const title = `Déverrouiller le bureau ${nomBureau(resultat.bureau)}`;
    const motif = (context.form['motif'] ?? '').trim();
    const vue = (erreur: string | undefined, texte: string | undefined, status: 200 | 422) => ({
      title,
      breadcrumb: fil(resultat, title),
      status,
      messages: texte ? [{ kind: status === 200 ? ('info' as const) : ('error' as const), text: texte }] : [],
      body: DeverrouillagePage({ resultat, csrf: context.csrf, motif, erreur }),
    });
    const nonValide = resultat.etat !== 'valide' ? message('deverrouillerNonValide', { bureau: nomBureau(resultat.bureau) }) : undefined;
    if (context.method === 'GET') return vue(undefined, nonValide, 200);
    if (nonValide) return vue(undefined, nonValide, 422);
    if (motif.length < 5) return vue(message('motifCourt'), message('motifCourt'), 422);
    try {
      const bureau = await deverrouillerBureau(context.service, context.actor, resultat.election_bureau, motif, context.requestId);
      return { redirect: `/resultats/saisie/${resultat.election_bureau}`, flash: { kind: 'success', text: message('deverrouille', { bureau }) } };
    } catch (error) {
      if (refusAffichable(error)) return vue(undefined, error.message, 422);
      throw error;
    }
  },
};

// ---- participation ------------------------------------------------------------------------

const participationPage: AppPage = {
  app: 'resultats',
  // Not `participation/…`: that first segment is the table's generated screens.
  path: 'participation-saisie/:election',
  methods: ['GET', 'POST'],
  permission: PARTICIPATION_PERMISSION,
  async handler(context) {
    const cle = cleEntiere(context.params['election']);
    const participation = cle === undefined ? undefined : await context.read((db) => lireParticipation(db, cle));
    if (!participation) throw RouteError.notFound(message('electionIntrouvable'));
    const title = `Participation — ${participation.libelle}`;
    const breadcrumb = [{ label: SOIREE, href: `/resultats/suivi/${participation.election}` }, { label: title }];
    const demandee = cleEntiere(context.method === 'POST' ? context.form['tranche'] : (context.query.get('tranche') ?? undefined));
    const tranche: Tranche | undefined =
      demandee === undefined ? participation.tranches[0] : participation.tranches.find((candidate) => candidate.tranche === demandee);
    const modifiable = electionOuverte(participation.etat);
    const vue = (valeurs: Readonly<Record<string, string>> | undefined, erreurs: FieldErrors, texte: string | undefined, status: 200 | 422) => ({
      title,
      breadcrumb,
      status,
      messages: texte ? [{ kind: status === 200 ? ('info' as const) : ('error' as const), text: texte }] : [],
      body: ParticipationPage({ participation, tranche, csrf: context.csrf, valeurs, erreurs, modifiable }),
    });
    const absente = participation.tranches.length === 0 ? message('aucuneTranche') : tranche ? undefined : message('trancheIntrouvable');
    if (context.method === 'GET') return vue(undefined, {}, absente ?? (modifiable ? undefined : refusElection(participation)), 200);
    if (absente || !tranche) return vue(undefined, {}, absente ?? message('trancheIntrouvable'), 422);
    if (!modifiable) return vue(context.form, {}, refusElection(participation), 422);
    const lu = controlerParticipation(participation, tranche, context.form);
    if ('erreurs' in lu) return vue(context.form, lu.erreurs, message('champsInvalides'), 422);
    const bureaux = await enregistrerParticipation(context.service, context.actor, tranche, lu.votants, context.requestId);
    return {
      redirect: `/resultats/participation-saisie/${participation.election}?tranche=${tranche.tranche}`,
      flash: { kind: 'success', text: message('participationEnregistree', { heure: tranche.heure, bureaux }) },
    };
  },
};

// ---- suivi de la soirée -------------------------------------------------------------------

function peutSuivre(actor: Actor): void {
  if (!actor.permissions.has(CONSULTER_ELECTION_PERMISSION) && !actor.permissions.has(SAISIE_PERMISSION)) throw RouteError.forbidden(message('interdit'));
}

const suiviPage: AppPage = {
  app: 'resultats',
  path: 'suivi/:election',
  // `resultats.election_consulter` or `resultats.saisie`: checked by the handler.
  async handler(context) {
    peutSuivre(context.actor);
    const cle = cleEntiere(context.params['election']);
    const lu = cle === undefined ? undefined : await context.read(async (db) => {
      const totaux = await totauxElection(db, cle);
      const participation = totaux ? await lireParticipation(db, cle) : undefined;
      return totaux && participation ? { totaux, participation } : undefined;
    });
    if (!lu) throw RouteError.notFound(message('electionIntrouvable'));
    const { permissions } = context.actor;
    const title = `${SOIREE} — ${lu.totaux.election.libelle}`;
    const modifiable = electionOuverte(lu.totaux.election.etat);
    return {
      title,
      breadcrumb: [{ label: SOIREE, href: '/resultats/suivi' }, { label: lu.totaux.election.libelle }],
      messages: modifiable ? [] : [{ kind: 'info', text: refusElection(lu.totaux.election) }],
      body: SuiviPage({
        totaux: lu.totaux,
        participation: lu.participation,
        csrf: context.csrf,
        modifiable,
        droits: {
          saisie: permissions.has(SAISIE_PERMISSION),
          valider: permissions.has(VALIDER_PERMISSION),
          deverrouiller: permissions.has(DEVERROUILLER_PERMISSION),
          participation: permissions.has(PARTICIPATION_PERMISSION),
        },
      }),
    };
  },
};

const electionsPage: AppPage = {
  app: 'resultats',
  path: 'suivi',
  async handler(context) {
    peutSuivre(context.actor);
    const elections = await context.read(
      async (db) =>
        (
          await sql<{ election: number; libelle: string; date_scrutin: string; etat: string }>`select election, libelle, to_char(date_scrutin, 'YYYY-MM-DD') as date_scrutin, etat
            from resultats.election order by date_scrutin desc, tour desc, libelle`.execute(db)
        ).rows,
    );
    return { title: SOIREE, body: ElectionsPage({ elections: elections.map((row) => ({ ...row, election: Number(row.election) })) }) };
  },
};

export function registerSaisie(registry: Registry): void {
  registry.addPage(saisiePage);
  registry.addPage(validerPage);
  registry.addPage(deverrouillerPage);
  registry.addPage(participationPage);
  registry.addPage(suiviPage);
  registry.addPage(electionsPage);
  // Shown to whoever enters or follows results (a page's own menu entry takes one permission).
  registry.addMenuEntry({ rubrique: 'application', category: 'Résultats électoraux', label: SOIREE, href: '/resultats/suivi', permissions: [SAISIE_PERMISSION, CONSULTER_ELECTION_PERMISSION], order: 5 });
}

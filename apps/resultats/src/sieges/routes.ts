/**
 * - `POST /api/v1/resultats/repartition-sieges`, public: the allocation of the JSON sent (it reads
 *   no data), 422 with a French message for inconsistent input;
 * - the page `/resultats/sieges/:election` (permission `resultats.election_consulter`).
 */
import { RouteError, type AppPage, type PageMessage } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { lireDemande } from './demande.ts';
import { repartitionDeLElection, type RepartitionElection } from './election.ts';
import { RepartitionImpossible } from './erreurs.ts';
import { repartitionMajoritaire } from './majoritaire.ts';
import { SiegesPage } from './page.tsx';
import { repartitionScrutinDeListe } from './scrutin-de-liste.ts';

export const SIEGES_PAGE = 'sieges';
const CONSULTER = 'resultats.election_consulter';

/** The API's answer for a body; a `RouteError` 422 with the French message for inconsistent input. */
export function repartitionDemandee(body: Readonly<Record<string, unknown>>): unknown {
  try {
    const demande = lireDemande(body);
    if (demande.type === 'municipales') {
      const resultat = repartitionScrutinDeListe(demande.scrutin);
      return {
        second_tour: resultat.second_tour,
        listes: resultat.listes.map(({ liste, sieges }) => ({ liste, sieges })),
        ...(resultat.sieges_non_pourvus > 0 ? { sieges_non_pourvus: resultat.sieges_non_pourvus } : {}),
      };
    }
    const resultat = repartitionMajoritaire(demande.scrutin);
    return {
      second_tour: resultat.second_tour,
      sieges_restants: resultat.sieges_restants,
      listes: resultat.candidats.map(({ nom, elu }) => ({ liste: nom, sieges: elu ? 1 : 0 })),
    };
  } catch (error) {
    if (error instanceof RepartitionImpossible) throw new RouteError(422, error.message);
    throw error;
  }
}

function messagesDe(repartition: RepartitionElection): PageMessage[] {
  const messages: PageMessage[] = [];
  if (repartition.provisoire) {
    messages.push({ kind: 'warning', text: `Répartition provisoire : ${repartition.bureaux.comptes} bureaux sur ${repartition.bureaux.total} validés.` });
  }
  if (repartition.erreur) messages.push({ kind: 'error', text: repartition.erreur });
  if (repartition.mode === 'aucune') messages.push({ kind: 'info', text: 'Ce type d’élection n’élit pas de conseil municipal : aucune répartition de sièges.' });
  else if (repartition.bureaux.comptes === 0) messages.push({ kind: 'info', text: 'Aucun bureau n’est encore validé : la répartition sera calculée dès le premier.' });
  if (repartition.second_tour) {
    messages.push({
      kind: 'info',
      text:
        repartition.mode === 'majoritaire'
          ? `Second tour nécessaire : ${repartition.sieges_restants} siège(s) restent à pourvoir.`
          : 'Aucune liste n’a la majorité absolue des suffrages exprimés : un second tour est nécessaire.',
    });
  } else if (repartition.mode === 'liste' && repartition.sieges_restants > 0) {
    messages.push({ kind: 'warning', text: `${repartition.sieges_restants} siège(s) restent vacants : les listes n’ont plus de candidats.` });
  }
  return messages;
}

const siegesPage: AppPage = {
  app: 'resultats',
  path: `${SIEGES_PAGE}/:election`,
  permission: CONSULTER,
  async handler({ params, read }) {
    const election = Number(params['election']);
    const introuvable = RouteError.notFound('Cette élection n’existe pas ou n’est pas de votre collectivité : choisissez-la dans la liste des élections.');
    if (!Number.isSafeInteger(election) || election <= 0) throw introuvable;
    const repartition = await read((db) => repartitionDeLElection(db, election));
    if (!repartition) throw introuvable;
    return {
      title: `Répartition des sièges — ${repartition.election.libelle}`,
      breadcrumb: [
        { label: 'Élection', href: '/resultats/election' },
        { label: repartition.election.libelle, href: `/resultats/election/${repartition.election.election}` },
        { label: 'Répartition des sièges' },
      ],
      messages: messagesDe(repartition),
      body: SiegesPage({ repartition }),
    };
  },
};

/** Registers the API route and the page (called from the application's `register`). */
export function registerSieges(registry: Registry): void {
  registry.addApiRoute({
    app: 'resultats',
    method: 'POST',
    path: 'repartition-sieges',
    permission: 'public',
    doc: {
      summary: 'Répartition des sièges d’un conseil municipal',
      description:
        'Calcule la répartition des sièges (aucune donnée lue). Corps JSON : { "type": "municipales" (par défaut) ou "municipales_moins_1000", ' +
        '"sieges": 29, "tour": 1 ou 2, "exprimes": 10000, "inscrits" (obligatoire pour municipales_moins_1000), "listes": [ { "liste": "A", "voix": 5200, ' +
        '"candidats": [ { "rang": 1, "date_naissance": "1961-05-02" }, … ] }, … ] }. ' +
        'Municipales (art. L262) : prime majoritaire à la liste qui a la majorité absolue au premier tour ou le plus de voix au second, ' +
        'puis plus forte moyenne entre les listes ayant au moins 5 % des exprimés. Moins de 1 000 habitants (art. L253) : chaque entrée de « listes » ' +
        'est un candidat (« liste » : son nom, « date_naissance »). Réponse : { "second_tour": false, "listes": [ { "liste": "A", "sieges": 23 }, … ] } ' +
        'dans l’ordre reçu ; 422 avec un message en français pour des données incohérentes. Ouverte à tous, sans session ni jeton ' +
        '(Content-Type: application/json) ; avec la session d’un navigateur, l’en-tête X-CSRF-Token de la session.',
    },
    handler: ({ body }) => repartitionDemandee(body),
  });
  registry.addPage(siegesPage);
}

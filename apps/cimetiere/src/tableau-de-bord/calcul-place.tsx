/**
 * « Calcul de la place occupée » (cimetiere.md §3.8), under « Traitement »: after an import or a
 * change of the sizes, every défunt's size from its nature and the parameters, every
 * emplacement's place occupée, and every state (a concession reaches its term without any write:
 * no job of an application can be scheduled yet, so this is also how « à terme » is brought up to
 * date between two writes). Right `cimetiere.calcul_place`.
 */
import { sql } from 'kysely';
import { writeAs } from '../../../../framework/src/db/index.ts';
import type { AppPage } from '../../../../framework/src/model/app-routes.ts';
import { recalculerEtats } from '../core/etat.ts';
import { nombreFr } from '../core/format.ts';
import { recalculerToutesLesPlaces } from '../core/occupation.ts';
import { parametresCimetiere } from '../core/parametres.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';

export const CALCUL_PLACE_PATH = 'calcul-place';
const TITRE = 'Calcul de la place occupée';

export interface BilanCalcul {
  readonly relus: number;
  /** Emplacements whose place occupée or état changed. */
  readonly corriges: number;
}

type Etats = Map<number, string>;

async function etatsDe(trx: Db, collectivite: number): Promise<Etats> {
  const { rows } = await sql<{ emplacement: number; etat: string }>`select emplacement, place_occupee::text || ' ' || etat as etat
      from cimetiere.emplacement where om_collectivite = ${collectivite}`.execute(trx);
  return new Map(rows.map((row) => [Number(row.emplacement), row.etat]));
}

/** The whole treatment for one collectivité, in the caller's transaction. */
export async function calculerPlaces(trx: Db, collectivite: number): Promise<BilanCalcul> {
  const avant = await etatsDe(trx, collectivite);
  const parametres = await parametresCimetiere(trx, collectivite);
  await recalculerToutesLesPlaces(trx, parametres, collectivite);
  await recalculerEtats(trx);
  const apres = await etatsDe(trx, collectivite);
  const corriges = [...apres].filter(([emplacement, etat]) => avant.get(emplacement) !== etat).length;
  return { relus: apres.size, corriges };
}

export const bilanTexte = (bilan: BilanCalcul): string =>
  `${nombreFr(bilan.relus)} ${bilan.relus > 1 ? 'emplacements relus' : 'emplacement relu'}, ${nombreFr(bilan.corriges)} ${bilan.corriges > 1 ? 'corrigés' : 'corrigé'}.`;

export const calculPlacePage: AppPage = {
  app: 'cimetiere',
  path: CALCUL_PLACE_PATH,
  methods: ['GET', 'POST'],
  permission: 'cimetiere.calcul_place',
  menu: { rubrique: 'traitement', category: 'Cimetière', order: 10, label: TITRE },
  async handler({ method, actor, service, csrf }) {
    if (method === 'POST') {
      const bilan = await writeAs(service.db.kysely, actor, (trx) => calculerPlaces(trx, actor.workingCollectivite));
      return { redirect: `/cimetiere/${CALCUL_PLACE_PATH}`, flash: { kind: 'success', text: bilanTexte(bilan) } };
    }
    return {
      title: TITRE,
      body: (
        <form method="post" action={`/cimetiere/${CALCUL_PLACE_PATH}`} class="formulaire">
          <input type="hidden" name={csrf.field} value={csrf.token} />
          <p>
            Le traitement recalcule la taille de chaque défunt d’après sa nature et les paramètres (taille_cercueil, taille_urne, taille_reduction),
            la place occupée de chaque emplacement de votre collectivité et son état sur les plans (libre, occupé, à terme, en reprise).
          </p>
          <p>À lancer après une reprise de données, un changement des tailles, ou pour mettre à jour les concessions arrivées à terme.</p>
          <div class="boutons">
            <button type="submit" class="bouton principal">Lancer le calcul</button>
          </div>
        </form>
      ),
    };
  },
};

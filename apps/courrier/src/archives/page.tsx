/**
 * « Archiver le courrier » (`/courrier/archivage`, right `courrier.archiver`): a date « jusqu’au »,
 * the count per registre of what it would take, a confirmation, then the archiving job, followed
 * in « Mes traitements ».
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { SYSTEM_ACTOR } from '../../../../framework/src/access/actor.ts';
import { readAs } from '../../../../framework/src/db/tenant-context.ts';
import { JobRefused } from '../../../../framework/src/jobs/index.ts';
import type { AppPage, PageAnswer, PageContext } from '../../../../framework/src/model/app-routes.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { aujourdhui, dateFr, dateSaisie } from './dates.ts';
import { archiver, ARCHIVAGE_JOB } from './job.ts';
import { decompte, total, type Decompte } from './selection.ts';

export const DROIT_ARCHIVER = 'courrier.archiver';
export const ARCHIVAGE_PATH = 'archivage';
const ADRESSE = `/courrier/${ARCHIVAGE_PATH}`;
const TITRE = 'Archiver le courrier';

export const ARCHIVAGE_MESSAGES = {
  dateRequise: 'Indiquez la date « jusqu’au » (JJ/MM/AAAA).',
  dateFuture: 'La date « jusqu’au » ne peut pas être postérieure à aujourd’hui.',
  rien: (jusquau: string) => `Aucun courrier daté du ${dateFr(jusquau)} ou d’avant : rien à archiver.`,
  lance: (n: number, jusquau: string) => `Archivage lancé : ${n} courrier(s) daté(s) du ${dateFr(jusquau)} ou d’avant. Suivez son avancement ici.`,
} as const;

type Csrf = PageContext<Actor>['csrf'];

function Formulaire(props: { jusquau: string; erreur: string | undefined }) {
  return (
    <form method="get" action={ADRESSE} class="formulaire" novalidate>
      <fieldset class="section">
        <legend>Courrier à archiver</legend>
        <div class="champ">
          <label for="archivage-jusquau">Jusqu’au (JJ/MM/AAAA)</label>
          <input
            id="archivage-jusquau"
            name="jusquau"
            type="text"
            inputmode="numeric"
            value={props.jusquau}
            required
            aria-describedby={props.erreur ? 'archivage-aide archivage-erreur' : 'archivage-aide'}
            aria-invalid={props.erreur ? 'true' : undefined}
          />
          <p class="aide" id="archivage-aide">
            La date d’un courrier est sa date d’arrivée (arrivée), sa date de départ ou à défaut de signature (départ), à défaut sa date
            d’enregistrement. Le courrier confidentiel est archivé aussi et reste confidentiel.
          </p>
          {props.erreur ? (
            <p class="erreur" id="archivage-erreur">
              {props.erreur}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div class="boutons">
        <button type="submit">Compter le courrier à archiver</button>
      </div>
    </form>
  );
}

function Apercu(props: { jusquau: string; compte: Decompte; csrf: Csrf }) {
  const n = total(props.compte);
  return (
    <section aria-labelledby="archivage-apercu">
      <h2 id="archivage-apercu">{`Courrier daté du ${dateFr(props.jusquau)} ou d’avant`}</h2>
      <table class="table" id="archivage-decompte">
        <caption>Courriers à archiver par registre</caption>
        <thead>
          <tr>
            <th scope="col">Registre</th>
            <th scope="col">Courriers</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Arrivée</th>
            <td>{String(props.compte.arrivee)}</td>
          </tr>
          <tr>
            <th scope="row">Départ</th>
            <td>{String(props.compte.depart)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{String(n)}</td>
          </tr>
        </tfoot>
      </table>
      {n === 0 ? (
        <p>{ARCHIVAGE_MESSAGES.rien(props.jusquau)}</p>
      ) : (
        <form method="post" action={ADRESSE} class="formulaire">
          <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
          <input type="hidden" name="jusquau" value={props.jusquau} />
          <p class="aide" id="archivage-confirmation">
            Les courriers archivés quittent le courrier courant et sa recherche ; ils se consultent, sans modification possible, dans
            « Archives du courrier ». Leurs documents restent téléchargeables.
          </p>
          <div class="boutons">
            <button type="submit" aria-describedby="archivage-confirmation">{`Archiver ${n} courrier(s)`}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The date typed, checked: `AAAA-MM-JJ`, or the French message. */
function lireJusquau(value: string | null | undefined): { jusquau: string } | { erreur: string } {
  const jusquau = dateSaisie(value);
  if (!jusquau) return { erreur: ARCHIVAGE_MESSAGES.dateRequise };
  if (jusquau > aujourdhui()) return { erreur: ARCHIVAGE_MESSAGES.dateFuture };
  return { jusquau };
}

const compter = (context: PageContext<Actor>, jusquau: string) =>
  readAs(context.service.db.kysely, SYSTEM_ACTOR, (db) => decompte(db, context.actor.workingCollectivite, jusquau));

async function archivage(context: PageContext<Actor>): Promise<PageAnswer> {
  const tape = context.method === 'POST' ? context.form['jusquau'] : context.query.get('jusquau');
  const vue = (jusquau: string, erreur: string | undefined, apercu: Decompte | undefined): PageAnswer => ({
    title: TITRE,
    status: erreur ? 422 : 200,
    body: (
      <>
        <Formulaire jusquau={erreur ? (tape ?? '') : jusquau ? dateFr(jusquau) : ''} erreur={erreur} />
        {apercu && jusquau ? <Apercu jusquau={jusquau} compte={apercu} csrf={context.csrf} /> : null}
      </>
    ),
  });
  if (context.method === 'GET' && (tape === null || tape === undefined)) return vue('', undefined, undefined);
  const lu = lireJusquau(tape);
  if ('erreur' in lu) return vue('', lu.erreur, undefined);
  const compte = await compter(context, lu.jusquau);
  if (context.method === 'GET' || total(compte) === 0) return vue(lu.jusquau, undefined, compte);
  const { actor, requestId } = context;
  const collectivite = actor.workingCollectivite;
  const db = context.service.db.kysely;
  try {
    await context.jobs.start(ARCHIVAGE_JOB, actor, { context: { label: `Archivage du courrier jusqu’au ${dateFr(lu.jusquau)}`, jusquau: lu.jusquau, collectivite } }, async (job) => ({
      archives: await archiver(db, actor, collectivite, lu.jusquau, job, requestId),
    }));
  } catch (error) {
    if (!(error instanceof JobRefused)) throw error;
    return { redirect: `${ADRESSE}?jusquau=${encodeURIComponent(dateFr(lu.jusquau))}`, flash: { kind: 'error', text: error.message } };
  }
  return { redirect: '/traitements', flash: { kind: 'info', text: ARCHIVAGE_MESSAGES.lance(total(compte), lu.jusquau) } };
}

export const archivagePage: AppPage = {
  app: 'courrier',
  path: ARCHIVAGE_PATH,
  methods: ['GET', 'POST'],
  permission: DROIT_ARCHIVER,
  menu: { ...applicationMenu(RUBRIQUES_COURRIER.traitements, 10, TITRE), label: TITRE },
  handler: archivage,
};

/**
 * « Registres » (`/courrier/registres`, right `courrier.registre_remise_a_zero`): the counters of
 * the mail registers with their patterns, and « Remettre à zéro » per register and year, behind a
 * confirmation (a POST with its CSRF token).
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { isYearly } from '../../../../framework/src/registers/index.ts';
import type { AppPage, PageAnswer, PageContext, PageMessage } from '../../../../framework/src/model/app-routes.ts';
import { dateFr } from '../archives/dates.ts';
import { LIBELLES_REGISTRE, type Registre } from '../core/registres.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { compteurs, estRegistre, modeles, nomDuRegistre, remettreAZero, REGISTRES_MESSAGES, type Compteur } from './compteurs.ts';

export const DROIT_REMISE_A_ZERO = 'courrier.registre_remise_a_zero';
export const REGISTRES_PATH = 'registres';
const ADRESSE = `/courrier/${REGISTRES_PATH}`;
const TITRE = 'Registres du courrier';

type Csrf = PageContext<Actor>['csrf'];
const cleDe = (compteur: Pick<Compteur, 'registre' | 'periode'>) => `${compteur.registre}-${compteur.periode}`;

function Explication(props: { modeles: Readonly<Record<Registre, string>> }) {
  return (
    <section aria-labelledby="registres-modeles">
      <h2 id="registres-modeles">Modèles de numérotation</h2>
      <dl class="fiche" id="registres-modeles-liste">
        {(['arrivee', 'depart'] as const).map((registre) => (
          <>
            <dt>{`Registre ${LIBELLES_REGISTRE[registre] === 'Arrivée' ? 'des arrivées' : 'des départs'}`}</dt>
            <dd>
              <code>{props.modeles[registre]}</code>
              {isYearly(props.modeles[registre]) ? ' : annuel, il repart de 1 de lui-même chaque année.' : ' : continu, il ne repart de 1 que remis à zéro.'}
            </dd>
          </>
        ))}
      </dl>
      <p class="aide">
        Un registre dont le modèle contient [annee] repart de 1 de lui-même au premier courrier de chaque année : la remise à zéro ne sert qu’aux
        registres continus, ou à une année dont les numéros ont été donnés par erreur. Elle est refusée quand le premier numéro qu’elle redonnerait
        existe déjà dans le courrier ou les archives.
      </p>
    </section>
  );
}

function Compteurs(props: { compteurs: readonly Compteur[] }) {
  if (props.compteurs.length === 0) return <p>Aucun numéro n’a encore été donné dans les registres du courrier.</p>;
  return (
    <table class="table" id="registres-compteurs">
      <caption>Compteurs des registres</caption>
      <thead>
        <tr>
          <th scope="col">Registre</th>
          <th scope="col">Année</th>
          <th scope="col">Dernier numéro donné</th>
          <th scope="col">Ouvert ou remis à zéro le</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {props.compteurs.map((compteur) => (
          <tr>
            <th scope="row">{LIBELLES_REGISTRE[compteur.registre]}</th>
            <td>{compteur.periode > 0 ? String(compteur.periode) : 'continu'}</td>
            <td>{String(compteur.dernier)}</td>
            <td>{dateFr(compteur.ouvertLe)}</td>
            <td>
              <a href={`${ADRESSE}?remise=${cleDe(compteur)}`}>{`Remettre à zéro le ${nomDuRegistre(compteur.registre, compteur.periode)}`}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Confirmation(props: { compteur: Compteur; csrf: Csrf }) {
  const { compteur } = props;
  return (
    <form method="post" action={ADRESSE} class="formulaire" id="registres-confirmation">
      <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
      <input type="hidden" name="registre" value={compteur.registre} />
      <input type="hidden" name="periode" value={String(compteur.periode)} />
      <fieldset class="section">
        <legend>{`Remettre à zéro le ${nomDuRegistre(compteur.registre, compteur.periode)} ?`}</legend>
        <p id="registres-confirmation-aide">{`Le dernier numéro donné est ${compteur.dernier} ; le prochain courrier de ce registre recevra le numéro 1.`}</p>
      </fieldset>
      <div class="boutons">
        <button type="submit" aria-describedby="registres-confirmation-aide">
          Confirmer la remise à zéro
        </button>
        <a href={ADRESSE}>Annuler</a>
      </div>
    </form>
  );
}

/** `arrivee-2026` → the register and period, when they are well formed. */
function lireCle(value: string | null | undefined): { registre: Registre; periode: number } | undefined {
  const match = /^([a-z]+)-(\d{1,4})$/.exec(value ?? '');
  if (!match || !estRegistre(match[1])) return undefined;
  return { registre: match[1], periode: Number(match[2]) };
}

async function registresHandler(context: PageContext<Actor>): Promise<PageAnswer> {
  const db = context.service.db.kysely;
  if (context.method === 'POST') {
    const cle = lireCle(`${context.form['registre'] ?? ''}-${context.form['periode'] ?? ''}`);
    const remise = cle ? await remettreAZero(db, context.actor, cle.registre, cle.periode) : { ok: false, message: REGISTRES_MESSAGES.inconnu };
    return { redirect: ADRESSE, flash: { kind: remise.ok ? 'success' : 'error', text: remise.message } };
  }
  const lus = await compteurs(db, context.actor);
  const demande = lireCle(context.query.get('remise'));
  const aConfirmer = demande ? lus.find((compteur) => cleDe(compteur) === cleDe(demande)) : undefined;
  const messages: PageMessage[] = context.query.has('remise') && !aConfirmer ? [{ kind: 'error', text: REGISTRES_MESSAGES.inconnu }] : [];
  return {
    title: TITRE,
    messages,
    body: (
      <>
        {aConfirmer ? <Confirmation compteur={aConfirmer} csrf={context.csrf} /> : null}
        <Compteurs compteurs={lus} />
        <Explication modeles={await modeles(db, context.actor)} />
      </>
    ),
  };
}

export const registresPage: AppPage = {
  app: 'courrier',
  path: REGISTRES_PATH,
  methods: ['GET', 'POST'],
  permission: DROIT_REMISE_A_ZERO,
  menu: { ...applicationMenu(RUBRIQUES_COURRIER.traitements, 20, 'Registres'), label: 'Registres' },
  handler: registresHandler,
};

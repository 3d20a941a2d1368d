/**
 * The public results page: large figures for a projector in the town hall, readable on the web,
 * complete without JavaScript (an « Actualiser » link). A live page of the framework (guide « Pages
 * vivantes », framework/src/web/static/js/page-vivante.js) in the « grand écran » layout: every
 * figure carries `data-valeur` (its path in the JSON of the endpoint) and `data-format`; the script
 * replaces their text in place, redraws the chart and announces the change in the polite live
 * region. Only validated bureaux have figures.
 */
import { message } from './messages.ts';
import type { ElectionPubliee, ResultatsPublics } from './donnees.ts';
import { dateFr, nombreFr, pourcentFr } from './format.ts';

const TYPES: Record<ElectionPubliee['type'], string> = {
  municipales: 'Municipales',
  municipales_moins_1000: 'Municipales',
  legislatives: 'Législatives',
  presidentielle: 'Présidentielle',
  europeennes: 'Européennes',
  departementales: 'Départementales',
  regionales: 'Régionales',
};

export const sousTitre = (election: ElectionPubliee) => `${TYPES[election.type]}, ${election.tour === 2 ? 'second' : 'premier'} tour, ${dateFr(election.date_scrutin)}`;

export const pagePublique = (collectivite: number, election?: number) => `/resultats/public/${collectivite}${election === undefined ? '' : `/${election}`}`;
export const donneesPubliques = (collectivite: number, election: number) => `/api/v1/resultats/public/${collectivite}/${election}`;

/** The text of a figure as the page and the script write it; « — » while unknown. */
function Valeur(props: { chemin: string; valeur: number | null; format: 'nombre' | 'pourcent' }) {
  const texte = props.valeur === null ? '—' : props.format === 'nombre' ? nombreFr(props.valeur) : pourcentFr(props.valeur);
  return (
    <span data-valeur={props.chemin} data-format={props.format}>
      {texte}
    </span>
  );
}

export function ListeElections(props: { collectivite: number; elections: readonly ElectionPubliee[] }) {
  if (props.elections.length === 0) return <p>{message('aucuneElection')}</p>;
  return (
    <ul class="grand-ecran-liste">
      {props.elections.map((election) => (
        <li>
          <a href={pagePublique(props.collectivite, election.election)}>{election.libelle}</a> — {sousTitre(election)}
          {election.etat === 'ouverte' ? ' (dépouillement en cours)' : ''}
        </li>
      ))}
    </ul>
  );
}

const STATUTS = { provisoire: message('provisoire'), complet: message('complets'), proclame: message('proclames') };
const CLASSES_STATUTS = { provisoire: 'grand-ecran-etat-provisoire', complet: 'grand-ecran-etat-definitif', proclame: 'grand-ecran-etat-definitif' };

function EnTete(props: { resultats: ResultatsPublics }) {
  const { resultats } = props;
  const { chiffres } = resultats;
  return (
    <section aria-labelledby="resultats-public-synthese">
      <h2 id="resultats-public-synthese" class="visuellement-cache">
        Synthèse
      </h2>
      <p class="grand-ecran-phrase">
        <Valeur chemin="bureaux.depouilles" valeur={resultats.bureaux.depouilles} format="nombre" /> bureaux dépouillés sur{' '}
        <Valeur chemin="bureaux.total" valeur={resultats.bureaux.total} format="nombre" />
      </p>
      <p
        class={`grand-ecran-etat ${CLASSES_STATUTS[resultats.statut]}`}
        data-valeur="statut"
        data-format="texte"
        data-textes={JSON.stringify(STATUTS)}
        data-classes={JSON.stringify(CLASSES_STATUTS)}
      >
        {STATUTS[resultats.statut]}
      </p>
      <dl class="chiffres-cles">
        <div>
          <dt>Participation</dt>
          <dd>
            <Valeur chemin="chiffres.participation" valeur={chiffres.participation} format="pourcent" />
          </dd>
        </div>
        <div>
          <dt>Inscrits</dt>
          <dd>
            <Valeur chemin="chiffres.inscrits" valeur={chiffres.inscrits} format="nombre" />
          </dd>
        </div>
        <div>
          <dt>Votants</dt>
          <dd>
            <Valeur chemin="chiffres.votants" valeur={chiffres.votants} format="nombre" />
          </dd>
        </div>
        <div>
          <dt>Blancs</dt>
          <dd>
            <Valeur chemin="chiffres.blancs" valeur={chiffres.blancs} format="nombre" />
          </dd>
        </div>
        <div>
          <dt>Nuls</dt>
          <dd>
            <Valeur chemin="chiffres.nuls" valeur={chiffres.nuls} format="nombre" />
          </dd>
        </div>
        <div>
          <dt>Exprimés</dt>
          <dd>
            <Valeur chemin="chiffres.exprimes" valeur={chiffres.exprimes} format="nombre" />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Candidatures(props: { resultats: ResultatsPublics }) {
  const { resultats } = props;
  const graphique = {
    type: 'bar',
    labels: resultats.candidatures.map((candidature) => candidature.libelle),
    couleurs: resultats.candidatures.map((candidature) => candidature.couleur),
    libelle: 'Voix',
    valeurs: 'candidatures.*.voix',
  };
  return (
    <section aria-labelledby="resultats-public-voix">
      <h2 id="resultats-public-voix">Voix par {resultats.election.type.startsWith('municipales') ? 'liste' : 'candidat'}</h2>
      <table class="listing-tableau grand-ecran-principal">
        <caption class="visuellement-cache">Voix et pourcentage des suffrages exprimés de chaque candidature, bureaux dépouillés seulement</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Candidature</th>
            <th scope="col">Voix</th>
            <th scope="col">% des exprimés</th>
            {resultats.avecSieges ? <th scope="col">Sièges</th> : null}
          </tr>
        </thead>
        <tbody>
          {resultats.candidatures.map((candidature, index) => (
            <tr>
              <td>{candidature.ordre}</td>
              <th scope="row">
                {candidature.libelle}
                {candidature.tete_de_liste ? <span class="grand-ecran-precision"> ({candidature.tete_de_liste})</span> : null}
              </th>
              <td>
                <Valeur chemin={`candidatures.${index}.voix`} valeur={candidature.voix} format="nombre" />
              </td>
              <td>
                <Valeur chemin={`candidatures.${index}.pourcentage`} valeur={candidature.pourcentage} format="pourcent" />
              </td>
              {resultats.avecSieges ? (
                <td>
                  <Valeur chemin={`candidatures.${index}.sieges`} valeur={candidature.sieges} format="nombre" />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="grand-ecran-graphique">
        <canvas
          data-graphique={JSON.stringify(graphique)}
          role="img"
          aria-label="Graphique en barres des voix de chaque candidature ; le tableau ci-dessus donne les mêmes chiffres."
        ></canvas>
      </div>
    </section>
  );
}

function Participation(props: { resultats: ResultatsPublics }) {
  const { resultats } = props;
  return (
    <section aria-labelledby="resultats-public-participation">
      <h2 id="resultats-public-participation">Participation</h2>
      <table class="listing-tableau">
        <caption class="visuellement-cache">Participation relevée à chaque heure, puis à la clôture (bureaux dépouillés)</caption>
        <thead>
          <tr>
            <th scope="col">Heure</th>
            <th scope="col">Votants</th>
            <th scope="col">Participation</th>
            <th scope="col">Bureaux ayant répondu</th>
          </tr>
        </thead>
        <tbody>
          {resultats.participation.map((tranche, index) => (
            <tr>
              <th scope="row">{tranche.heure.replace(':', ' h ')}</th>
              <td>
                <Valeur chemin={`participation.${index}.votants`} valeur={tranche.votants} format="nombre" />
              </td>
              <td>
                <Valeur chemin={`participation.${index}.pourcentage`} valeur={tranche.pourcentage} format="pourcent" />
              </td>
              <td>
                <Valeur chemin={`participation.${index}.bureaux`} valeur={tranche.bureaux} format="nombre" /> sur {resultats.bureaux.total}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Clôture</th>
            <td>
              <Valeur chemin="chiffres.votants" valeur={resultats.chiffres.votants} format="nombre" />
            </td>
            <td>
              <Valeur chemin="chiffres.participation" valeur={resultats.chiffres.participation} format="pourcent" />
            </td>
            <td>
              <Valeur chemin="bureaux.depouilles" valeur={resultats.bureaux.depouilles} format="nombre" /> sur {resultats.bureaux.total}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function ParBureau(props: { resultats: ResultatsPublics }) {
  const { resultats } = props;
  const etats = { vrai: message('depouille'), faux: message('enAttente') };
  return (
    <section aria-labelledby="resultats-public-bureaux">
      <h2 id="resultats-public-bureaux">Résultats par bureau</h2>
      {/* Wider than the screen with many lists: focusable so that the keyboard can scroll it. */}
      <div class="grand-ecran-defilement" role="region" aria-labelledby="resultats-public-bureaux" tabindex={0}>
        <table class="listing-tableau">
          <caption class="visuellement-cache">Chiffres de chaque bureau dépouillé ; les autres sont en attente</caption>
          <thead>
            <tr>
              <th scope="col">Bureau</th>
              <th scope="col">État</th>
              <th scope="col">Inscrits</th>
              <th scope="col">Votants</th>
              <th scope="col">Exprimés</th>
              {resultats.candidatures.map((candidature) => (
                <th scope="col">{candidature.libelle}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {resultats.parBureau.map((bureau, index) => (
              <tr>
                <th scope="row">
                  {bureau.code} — {bureau.libelle}
                </th>
                <td data-valeur={`parBureau.${index}.depouille`} data-format="booleen" data-textes={JSON.stringify(etats)}>
                  {bureau.depouille ? etats.vrai : etats.faux}
                </td>
                <td>
                  <Valeur chemin={`parBureau.${index}.inscrits`} valeur={bureau.inscrits} format="nombre" />
                </td>
                <td>
                  <Valeur chemin={`parBureau.${index}.votants`} valeur={bureau.votants} format="nombre" />
                </td>
                <td>
                  <Valeur chemin={`parBureau.${index}.exprimes`} valeur={bureau.exprimes} format="nombre" />
                </td>
                {bureau.voix.map((voix, position) => (
                  <td>
                    <Valeur chemin={`parBureau.${index}.voix.${position}`} valeur={voix} format="nombre" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ResultatsPage(props: { resultats: ResultatsPublics; collectiviteNom: string; chartSrc: string }) {
  const { resultats } = props;
  const adresse = pagePublique(resultats.collectivite, resultats.election.election);
  return (
    <div
      class="grand-ecran"
      data-page-vivante=""
      data-source={donneesPubliques(resultats.collectivite, resultats.election.election)}
      data-intervalle="10"
      data-structure="structure"
      data-structure-valeur={resultats.structure}
      data-chart-src={props.chartSrc}
    >
      <p class="grand-ecran-sous-titre">
        {props.collectiviteNom} — {sousTitre(resultats.election)}
      </p>
      <p class="grand-ecran-actualiser">
        <a href={adresse}>{message('actualiser')}</a>
        <span data-verifie="" aria-hidden="true"></span>
      </p>
      <p class="visuellement-cache" role="status" aria-live="polite" id="resultats-public-annonce" data-annonce={message('annonce', { depouilles: '{bureaux.depouilles}', total: '{bureaux.total}' })}></p>
      <EnTete resultats={resultats} />
      <Candidatures resultats={resultats} />
      <Participation resultats={resultats} />
      <ParBureau resultats={resultats} />
    </div>
  );
}

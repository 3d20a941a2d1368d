/** The page « Analyse »: the choice of elections, their rates side by side (per election, per bureau), a score across them. */
import type { BureauResultat, TotauxElection } from '../totaux/index.ts';
import { entier, pourcentage as pourcent } from '../saisie/format.ts';
import { ELECTIONS_MAX, type Analyse, type ElectionAuChoix, type Suivi } from './donnees.ts';

const dateCourte = (iso: string) => iso.split('-').reverse().join('/');
const nomElection = (election: TotauxElection) => `${election.election.libelle} (${dateCourte(election.election.date_scrutin)}, tour ${election.election.tour})`;

interface Taux {
  readonly titre: string;
  readonly id: string;
  readonly part: (chiffres: BureauResultat | TotauxElection) => number;
  readonly base: (chiffres: BureauResultat | TotauxElection) => number;
}

const TAUX: readonly Taux[] = [
  { titre: 'Participation (votants / inscrits)', id: 'participation', part: (c) => c.votants, base: (c) => c.inscrits },
  { titre: 'Abstention (abstentionnistes / inscrits)', id: 'abstention', part: (c) => c.inscrits - c.votants, base: (c) => c.inscrits },
  { titre: 'Bulletins blancs (blancs / votants)', id: 'blancs', part: (c) => c.blancs, base: (c) => c.votants },
  { titre: 'Bulletins nuls (nuls / votants)', id: 'nuls', part: (c) => c.nuls, base: (c) => c.votants },
];

function Choix(props: { elections: readonly ElectionAuChoix[]; choisies: readonly number[]; analyse: Analyse | undefined; suivi: Suivi | undefined }) {
  const suiviCourant = props.suivi ? `${props.suivi.par}:${props.suivi.valeur}` : '';
  return (
    <form method="get" action="/resultats/analyse" class="formulaire">
      <fieldset class="section">
        <legend>Élections à comparer</legend>
        <p class="aide">Cochez jusqu’à {ELECTIONS_MAX} élections. Seuls les bureaux validés sont comptés.</p>
        {props.elections.length === 0 ? <p>Aucune élection n’est enregistrée pour votre collectivité.</p> : null}
        {props.elections.map((election) => (
          <div class="champ case">
            <input type="checkbox" id={`analyse-election-${election.election}`} name="election" value={String(election.election)} checked={props.choisies.includes(election.election)} />
            <label for={`analyse-election-${election.election}`}>
              {election.libelle} ({dateCourte(election.date_scrutin)}, tour {election.tour})
            </label>
          </div>
        ))}
      </fieldset>
      {props.analyse && (props.analyse.nuances.length > 0 || props.analyse.libelles.length > 0) ? (
        <fieldset class="section">
          <legend>Score à suivre</legend>
          <div class="champ">
            <label for="analyse-suivi">Nuance ou candidature</label>
            <select id="analyse-suivi" name="suivi">
              <option value="">— aucun —</option>
              {props.analyse.nuances.length > 0 ? (
                <optgroup label="Nuances">
                  {props.analyse.nuances.map((nuance) => (
                    <option value={`nuance:${nuance}`} selected={suiviCourant === `nuance:${nuance}`}>{nuance}</option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label="Candidatures">
                {props.analyse.libelles.map((libelle) => (
                  <option value={`libelle:${libelle}`} selected={suiviCourant === `libelle:${libelle}`}>{libelle}</option>
                ))}
              </optgroup>
            </select>
          </div>
        </fieldset>
      ) : null}
      <div class="boutons">
        <button type="submit" class="bouton principal">Comparer</button>
      </div>
    </form>
  );
}

function ParElection(props: { elections: readonly TotauxElection[] }) {
  return (
    <table class="listing-tableau" id="analyse-elections">
      <caption>Taux par élection</caption>
      <thead>
        <tr>
          <th scope="col">Élection</th>
          <th scope="col">Bureaux comptés</th>
          <th scope="col">Inscrits</th>
          <th scope="col">Votants</th>
          {TAUX.map((taux) => (
            <th scope="col">{taux.titre}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.elections.map((election) => (
          <tr>
            <th scope="row">{nomElection(election)}</th>
            <td>{`${election.bureaux.comptes} sur ${election.bureaux.total}`}</td>
            <td>{entier(election.inscrits)}</td>
            <td>{entier(election.votants)}</td>
            {TAUX.map((taux) => (
              <td>{pourcent(taux.part(election), taux.base(election))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One table per rate: a row per bureau (by code), a column per election. */
function ParBureau(props: { elections: readonly TotauxElection[]; taux: Taux }) {
  const codes = new Map<string, string>();
  for (const election of props.elections) for (const bureau of election.parBureau) if (!codes.has(bureau.code)) codes.set(bureau.code, bureau.libelle);
  const ordonnes = [...codes].sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }));
  return (
    <table class="listing-tableau" id={`analyse-bureaux-${props.taux.id}`}>
      <caption>{props.taux.titre} par bureau</caption>
      <thead>
        <tr>
          <th scope="col">Bureau</th>
          {props.elections.map((election) => (
            <th scope="col">{nomElection(election)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ordonnes.map(([code, libelle]) => (
          <tr>
            <th scope="row">{`${code} — ${libelle}`}</th>
            {props.elections.map((election) => {
              const bureau = election.parBureau.find((candidat) => candidat.code === code);
              return <td>{bureau && bureau.etat === 'valide' ? pourcent(props.taux.part(bureau), props.taux.base(bureau)) : '—'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Scores(props: { analyse: Analyse; suivi: Suivi }) {
  return (
    <table class="listing-tableau" id="analyse-scores">
      <caption>{`Score de ${props.suivi.par === 'nuance' ? 'la nuance' : 'la candidature'} « ${props.suivi.valeur} »`}</caption>
      <thead>
        <tr>
          <th scope="col">Élection</th>
          <th scope="col">Candidatures</th>
          <th scope="col">Voix</th>
          <th scope="col">% des exprimés</th>
        </tr>
      </thead>
      <tbody>
        {props.analyse.elections.map((election, index) => {
          const score = props.analyse.scores?.[index];
          return (
            <tr>
              <th scope="row">{nomElection(election)}</th>
              <td>{score && score.candidatures.length > 0 ? score.candidatures.join(', ') : 'absente'}</td>
              <td>{entier(score?.voix ?? 0)}</td>
              <td>{score && score.candidatures.length > 0 ? pourcent(score.voix, score.exprimes) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AnalysePage(props: { elections: readonly ElectionAuChoix[]; choisies: readonly number[]; analyse: Analyse | undefined; suivi: Suivi | undefined }) {
  const { analyse, suivi } = props;
  return (
    <>
      <Choix {...props} />
      {analyse && analyse.elections.length > 0 ? (
        <section aria-labelledby="analyse-resultats">
          <h2 id="analyse-resultats">Comparaison</h2>
          <ParElection elections={analyse.elections} />
          {TAUX.map((taux) => (
            <ParBureau elections={analyse.elections} taux={taux} />
          ))}
          {suivi ? <Scores analyse={analyse} suivi={suivi} /> : null}
        </section>
      ) : null}
    </>
  );
}

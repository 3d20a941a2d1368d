/** The seats page of an election: the allocation table, and what makes it provisional or impossible. */
import type { RepartitionElection } from './election.ts';
import { entier, pourcentage as pourcent } from '../saisie/format.ts';

function Elus(props: { noms: readonly string[] }) {
  if (props.noms.length === 0) return <>—</>;
  return (
    <ol class="elus">
      {props.noms.map((nom) => (
        <li>{nom}</li>
      ))}
    </ol>
  );
}

export function SiegesPage(props: { repartition: RepartitionElection }) {
  const { repartition } = props;
  const avecCommunautaires = repartition.mode === 'liste' && (repartition.election.sieges_communautaires ?? 0) > 0;
  const intitule = repartition.mode === 'majoritaire' ? 'Candidat' : 'Liste';
  return (
    <section aria-labelledby="sieges-titre">
      <h2 id="sieges-titre">{repartition.election.libelle}</h2>
      <p>
        {`Tour ${repartition.election.tour} — ${repartition.election.sieges ?? '?'} sièges au conseil municipal`}
        {avecCommunautaires ? ` et ${repartition.election.sieges_communautaires ?? 0} sièges de conseillers communautaires` : ''}
        {`. Suffrages exprimés comptés : ${entier(repartition.exprimes)}.`}
      </p>
      <table class="listing-tableau" id="sieges-repartition">
        <caption>Répartition des sièges</caption>
        <thead>
          <tr>
            <th scope="col">{intitule}</th>
            <th scope="col">Voix</th>
            <th scope="col">% des exprimés</th>
            <th scope="col">Sièges</th>
            {avecCommunautaires ? <th scope="col">Sièges communautaires</th> : null}
            <th scope="col">Élus</th>
            {avecCommunautaires ? <th scope="col">Conseillers communautaires</th> : null}
          </tr>
        </thead>
        <tbody>
          {repartition.candidatures.map((candidature) => (
            <tr>
              <th scope="row">{candidature.libelle}</th>
              <td>{entier(candidature.voix)}</td>
              <td>{pourcent(candidature.voix, repartition.exprimes)}</td>
              <td>
                {candidature.sieges}
                {candidature.prime > 0 ? ` (dont ${candidature.prime} de prime majoritaire)` : ''}
              </td>
              {avecCommunautaires ? <td>{candidature.sieges_communautaires}</td> : null}
              <td>
                <Elus noms={candidature.elus} />
              </td>
              {avecCommunautaires ? (
                <td>
                  <Elus noms={candidature.elus_communautaires} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

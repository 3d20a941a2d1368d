/** The page « Contrôle du découpage »: three accessible tables (caption, column and row headers). */
import type { ControleDecoupage } from './controle.ts';

const pluriel = (count: number, singulier: string, plurielForm: string) => `${count} ${count > 1 ? plurielForm : singulier}`;

function Anomalies(props: { controle: ControleDecoupage }) {
  const { voies, voiesControlees } = props.controle;
  return (
    <section aria-labelledby="controle-anomalies">
      <h2 id="controle-anomalies">Erreurs et numéros sans bureau</h2>
      {voies.length === 0 ? (
        <p id="controle-anomalies-aucune">
          {voiesControlees === 0 ? 'Aucune voie n’a encore de découpage.' : `Le découpage des ${pluriel(voiesControlees, 'voie', 'voies')} est sans erreur ni trou.`}
        </p>
      ) : (
        <div class="listing-defilement" role="region" aria-labelledby="controle-anomalies-legende" tabindex={0}>
          <table class="listing-tableau" id="controle-anomalies-tableau">
            <caption id="controle-anomalies-legende">
              {`${pluriel(voies.length, 'voie', 'voies')} sur ${voiesControlees} dont le découpage est à revoir`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Voie</th>
                <th scope="col">Erreurs</th>
                <th scope="col">Numéros sans bureau</th>
              </tr>
            </thead>
            <tbody>
              {voies.map((voie) => (
                <tr>
                  <th scope="row">
                    <a href={`/elections/voie/${voie.voie}`}>{`${voie.libelle} (${voie.code})`}</a>
                  </th>
                  <td>{voie.erreurs.length === 0 ? 'Aucune' : <ul>{voie.erreurs.map((issue) => <li>{issue.message}</li>)}</ul>}</td>
                  <td>{voie.avertissements.length === 0 ? 'Aucun' : <ul>{voie.avertissements.map((issue) => <li>{issue.message}</li>)}</ul>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SansDecoupage(props: { controle: ControleDecoupage }) {
  const { sansDecoupage } = props.controle;
  return (
    <section aria-labelledby="controle-sans-decoupage">
      <h2 id="controle-sans-decoupage">Voies sans découpage</h2>
      {sansDecoupage.length === 0 ? (
        <p>Toutes les voies ont un découpage.</p>
      ) : (
        <table class="listing-tableau" id="controle-sans-decoupage-tableau">
          <caption>{`${pluriel(sansDecoupage.length, 'voie n’est rattachée', 'voies ne sont rattachées')} à aucun bureau`}</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Voie</th>
            </tr>
          </thead>
          <tbody>
            {sansDecoupage.map((voie) => (
              <tr>
                <td>{voie.code}</td>
                <th scope="row">
                  <a href={`/elections/voie/${voie.voie}`}>{voie.libelle}</a>
                </th>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HorsDecoupage(props: { controle: ControleDecoupage }) {
  const { horsDecoupage, electeursHorsDecoupage } = props.controle;
  return (
    <section aria-labelledby="controle-hors-decoupage">
      <h2 id="controle-hors-decoupage">Électeurs hors découpage</h2>
      {horsDecoupage.length === 0 ? (
        <p>L’adresse de chaque électeur est couverte par une plage du découpage.</p>
      ) : (
        <table class="listing-tableau" id="controle-hors-decoupage-tableau">
          <caption>{`${pluriel(electeursHorsDecoupage, 'électeur dont l’adresse', 'électeurs dont l’adresse')} n’est couverte par aucune plage`}</caption>
          <thead>
            <tr>
              <th scope="col">Voie</th>
              <th scope="col">Électeurs</th>
            </tr>
          </thead>
          <tbody>
            {horsDecoupage.map((voie) => (
              <tr>
                <th scope="row">
                  <a href={`/elections/voie/${voie.voie}`}>{`${voie.libelle} (${voie.code})`}</a>
                </th>
                <td>{voie.electeurs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ControlePage(props: { controle: ControleDecoupage }) {
  return (
    <>
      <p>Les erreurs sont refusées à l’enregistrement d’un découpage ; celles qui restent viennent de données plus anciennes. Les numéros sans bureau, eux, sont permis mais à vérifier.</p>
      <Anomalies controle={props.controle} />
      <SansDecoupage controle={props.controle} />
      <HorsDecoupage controle={props.controle} />
    </>
  );
}

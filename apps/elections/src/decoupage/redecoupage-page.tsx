/** The page « Redécoupage »: the simulation per bureau, the electors outside the découpage, and the button « Appliquer ». */
import type { Redecoupage } from './redecoupage.ts';

const pourcentage = (value: number) => `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

export function RedecoupagePage(props: { redecoupage: Redecoupage; csrf: { field: string; token: string } | undefined }) {
  const { simulation, bureaux } = props.redecoupage;
  const nom = (bureau: number | null) => {
    if (bureau === null) return 'aucun';
    const ref = bureaux.get(bureau);
    return ref ? `${ref.code} ${ref.libelle}` : String(bureau);
  };
  const aDeplacer = simulation.modifications.length;
  return (
    <>
      <p id="redecoupage-resume">
        {`${simulation.totaux.electeurs} électeur(s) ; ${aDeplacer} à changer de bureau ; ${simulation.totaux.force} en bureau forcé (${pourcentage(simulation.pourcentageForce)}) ; ${simulation.horsDecoupage.length} hors découpage.`}
      </p>
      <div class="listing-defilement" role="region" aria-labelledby="redecoupage-legende" tabindex={0}>
        <table class="listing-tableau" id="redecoupage-bureaux">
          <caption id="redecoupage-legende">Électeurs par bureau avant et après le redécoupage</caption>
          <thead>
            <tr>
              <th scope="col">Bureau</th>
              <th scope="col">Avant</th>
              <th scope="col">Bureau forcé</th>
              <th scope="col">Après</th>
              <th scope="col">Entrants</th>
              <th scope="col">Sortants</th>
            </tr>
          </thead>
          <tbody>
            {simulation.bureaux.map((line) => (
              <tr>
                <th scope="row">{nom(line.bureau)}</th>
                <td>{line.avant}</td>
                <td>{line.force}</td>
                <td>{line.apres}</td>
                <td>{line.entrants}</td>
                <td>{line.sortants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="redecoupage-hors">
        <h2 id="redecoupage-hors">Électeurs hors découpage</h2>
        {simulation.horsDecoupage.length === 0 ? (
          <p>L’adresse de chaque électeur dont le bureau n’est pas forcé est couverte par le découpage.</p>
        ) : (
          <>
            <p>Ils gardent leur bureau : complétez le découpage de leur voie (page « Contrôle du découpage »).</p>
            <ul id="redecoupage-hors-liste">
              {simulation.horsDecoupage.slice(0, 100).map((electeur) => (
                <li>
                  <a href={`/elections/electeur/${electeur.electeur}`}>{`Électeur ${electeur.electeur}`}</a>
                  {` : numéro ${electeur.numero}, bureau ${nom(electeur.bureau)}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {props.csrf ? (
        <form method="post" action="/elections/redecoupage/appliquer" class="formulaire">
          <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
          <p class="aide" id="redecoupage-aide">
            Crée pour chaque électeur à changer de bureau un mouvement de modification « BR » accepté, et change son bureau.
          </p>
          <div class="boutons">
            <button type="submit" aria-describedby="redecoupage-aide" disabled={aDeplacer === 0}>
              Appliquer
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

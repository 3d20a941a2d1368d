/** « Plans des cimetières » : les cimetières de la collectivité, chacun avec le lien vers son plan. */
import type { CimetiereListe } from './donnees.ts';

const NOMBRE = new Intl.NumberFormat('fr-FR');

export function PlansPage(props: { cimetieres: readonly CimetiereListe[]; chemin: (cimetiere: number) => string }) {
  if (props.cimetieres.length === 0) return <p>Aucun cimetière n’est encore décrit : ajoutez-en un dans Paramétrage › Cimetières.</p>;
  return (
    <table class="tableau">
      <caption>Cimetières de la collectivité</caption>
      <thead>
        <tr>
          <th scope="col">Cimetière</th>
          <th scope="col">Emplacements</th>
          <th scope="col">Placés sur le plan</th>
          <th scope="col">Plans scannés</th>
        </tr>
      </thead>
      <tbody>
        {props.cimetieres.map((cimetiere) => (
          <tr>
            <th scope="row">
              <a href={props.chemin(cimetiere.cimetiere)}>Plan — {cimetiere.libelle}</a>
            </th>
            <td>{NOMBRE.format(cimetiere.emplacements)}</td>
            <td>{NOMBRE.format(cimetiere.places)}</td>
            <td>{NOMBRE.format(cimetiere.plansScannes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

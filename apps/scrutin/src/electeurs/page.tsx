/** The page « Choisir dans la liste électorale »: a search form (name, birth date) and the electors found, each with its « Choisir » button. */
import { dateFr } from '../dates.ts';
import type { ElecteurTrouve } from './query.ts';

export interface RechercheElecteur {
  readonly nom: string;
  readonly dateNaissance: string;
  readonly resultats?: readonly ElecteurTrouve[];
}

export function ChoisirElecteurPage(props: { recherche: RechercheElecteur; csrf: { field: string; token: string } }) {
  const { recherche, csrf } = props;
  return (
    <div>
      <form method="get" action="/scrutin/choisir-electeur" class="formulaire">
        <fieldset class="section">
          <legend>Rechercher un électeur</legend>
          <div class="grille colonnes-2">
            <div class="champ">
              <label for="choix-nom">Nom de naissance (début du nom)</label>
              <input type="text" id="choix-nom" name="nom" value={recherche.nom} maxlength={100} aria-required="true" />
            </div>
            <div class="champ">
              <label for="choix-naissance">Date de naissance (facultative)</label>
              <input type="text" id="choix-naissance" name="date_naissance" value={recherche.dateNaissance} class="date" maxlength={10} placeholder="JJ/MM/AAAA" inputmode="numeric" />
            </div>
          </div>
        </fieldset>
        <div class="boutons">
          <button type="submit">Rechercher</button>
        </div>
      </form>
      {recherche.resultats === undefined ? null : recherche.resultats.length === 0 ? (
        <p class="message message-info">Aucun électeur ne correspond : vérifiez l’orthographe du nom, ou créez la personne dans « Personnes ».</p>
      ) : (
        <table class="listing-tableau" id="choix-electeurs">
          <caption>Électeurs trouvés</caption>
          <thead>
            <tr>
              <th scope="col">Nom, prénoms</th>
              <th scope="col">Date de naissance</th>
              <th scope="col">Adresse</th>
              <th scope="col">Bureau</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {recherche.resultats.map((electeur) => (
              <tr>
                <th scope="row">
                  {electeur.nom} {electeur.prenoms}
                </th>
                <td>{dateFr(electeur.date_naissance)}</td>
                <td>{electeur.adresse}</td>
                <td>{electeur.bureau}</td>
                <td>
                  <form method="post" action="/scrutin/choisir-electeur">
                    <input type="hidden" name={csrf.field} value={csrf.token} />
                    <input type="hidden" name="electeur" value={String(electeur.electeur)} />
                    <button type="submit" aria-label={`Choisir ${electeur.nom} ${electeur.prenoms}`}>
                      Choisir
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SansElections() {
  return (
    <p class="message message-info">
      L’application « Élections » n’est pas servie ou vous n’avez pas le droit d’en consulter les électeurs : saisissez la personne dans{' '}
      <a href="/scrutin/personne/new">« Personnes »</a>.
    </p>
  );
}

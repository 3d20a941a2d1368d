/** The page « Import des voies (BAL) »: the upload form, then the file's errors or the voies created and unchanged. */
import type { BalImportResult, VoieImportee } from './bal-import.ts';

export interface BalPageState {
  readonly csrf: { readonly field: string; readonly token: string };
  readonly codePostal: string;
  readonly codeAuto: boolean;
  readonly erreurs?: { readonly liste: readonly string[]; readonly total: number };
  readonly champEnErreur?: 'fichier' | 'code_postal';
  readonly resultat?: BalImportResult;
  readonly maxMo: number;
}

function Voies(props: { id: string; legende: string; voies: readonly VoieImportee[] }) {
  if (props.voies.length === 0) return null;
  return (
    <table class="listing-tableau" id={props.id}>
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Voie</th>
          <th scope="col">Adresses dans le fichier</th>
        </tr>
      </thead>
      <tbody>
        {props.voies.map((voie) => (
          <tr>
            <td>{voie.code}</td>
            <th scope="row">{voie.libelle}</th>
            <td>{voie.adresses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BalPage(props: { state: BalPageState }) {
  const { state } = props;
  const invalide = (champ: BalPageState['champEnErreur']) => (state.champEnErreur === champ ? { 'aria-invalid': 'true', 'aria-describedby': 'bal-erreurs' } : {});
  return (
    <>
      <form method="post" action="/elections/voies-bal" enctype="multipart/form-data" class="formulaire">
        <input type="hidden" name={state.csrf.field} value={state.csrf.token} />
        <fieldset class="section">
          <legend>Fichier Base Adresse Locale</legend>
          <p class="aide" id="bal-aide">
            {`Un fichier CSV au format Base Adresse Locale 1.3 (séparateur point-virgule, UTF-8), ${state.maxMo} Mo au plus. Les voies dont le libellé existe déjà ne sont pas modifiées ; les adresses du fichier et leur position remplacent celles que « Localiser » connaissait. `}
            {state.codeAuto ? 'Le code des voies créées est généré.' : 'Le code des voies créées est celui de leur clé d’interopérabilité.'}
          </p>
          <div class="grille colonnes-2">
            <div class="champ">
              <label for="bal-fichier">Fichier BAL (CSV) *</label>
              <input type="file" id="bal-fichier" name="fichier" accept=".csv,text/csv" aria-required="true" {...invalide('fichier')} />
            </div>
            <div class="champ">
              <label for="bal-code-postal">Code postal des voies créées</label>
              <input type="text" inputmode="numeric" id="bal-code-postal" name="code_postal" value={state.codePostal} maxlength={5} {...invalide('code_postal')} />
            </div>
          </div>
        </fieldset>
        <div class="boutons">
          <button type="submit">Importer les voies</button>
        </div>
      </form>
      {state.erreurs ? (
        <section aria-labelledby="bal-erreurs-titre">
          <h2 id="bal-erreurs-titre">Erreurs du fichier</h2>
          <p>{state.erreurs.total > state.erreurs.liste.length ? `${state.erreurs.total} erreurs ; les ${state.erreurs.liste.length} premières :` : 'Aucune voie n’a été créée :'}</p>
          <ul id="bal-erreurs">
            {state.erreurs.liste.map((erreur) => (
              <li>{erreur}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {state.resultat ? (
        <section aria-labelledby="bal-resultat">
          <h2 id="bal-resultat">Résultat de l’import</h2>
          <p id="bal-resume">{`${state.resultat.creees.length} voie(s) créée(s), ${state.resultat.inchangees.length} inchangée(s), ${state.resultat.adresses} adresse(s) localisée(s) pour « Localiser ».`}</p>
          <Voies id="bal-creees" legende="Voies créées" voies={state.resultat.creees} />
          <Voies id="bal-inchangees" legende="Voies déjà présentes, inchangées" voies={state.resultat.inchangees} />
        </section>
      ) : null}
    </>
  );
}

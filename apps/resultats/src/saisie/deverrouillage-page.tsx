/** The page « Déverrouiller un bureau »: the reason asked, kept with who and when. */
import { entier } from './format.ts';
import type { ResultatBureau } from './lecture.ts';
import type { Csrf } from './saisie-page.tsx';

export function DeverrouillagePage(props: { resultat: ResultatBureau; csrf: Csrf; motif: string; erreur: string | undefined }) {
  const { resultat } = props;
  return (
    <>
      <p id="deverrouillage-chiffres">
        {`${resultat.election.libelle} — validé par ${resultat.valide_par ?? '?'} : votants ${entier(resultat.votants ?? 0)}, blancs ${entier(resultat.blancs ?? 0)}, nuls ${entier(resultat.nuls ?? 0)}, exprimés ${entier(resultat.exprimes ?? 0)}.`}
      </p>
      <form method="post" action={`/resultats/deverrouiller/${resultat.election_bureau}`} class="formulaire" novalidate>
        <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
        <fieldset class="section">
          <legend>Motif du déverrouillage</legend>
          <div class="champ">
            <label for="deverrouillage-motif">Motif (5 caractères au moins) *</label>
            <textarea
              id="deverrouillage-motif"
              name="motif"
              rows={3}
              required
              aria-required="true"
              aria-describedby={props.erreur ? 'deverrouillage-motif-erreur' : 'deverrouillage-aide'}
              {...(props.erreur ? { 'aria-invalid': 'true' } : {})}
            >
              {props.motif}
            </textarea>
            {props.erreur ? (
              <p class="erreur-champ" id="deverrouillage-motif-erreur">
                {props.erreur}
              </p>
            ) : null}
            <p class="aide" id="deverrouillage-aide">
              Le motif, votre identifiant et l’heure sont conservés. Le bureau repasse à l’état « saisi » : sa saisie peut être corrigée puis validée de nouveau.
            </p>
          </div>
        </fieldset>
        <div class="boutons">
          <button type="submit">Déverrouiller</button>
          <a href={`/resultats/saisie/${resultat.election_bureau}`}>Annuler</a>
        </div>
      </form>
    </>
  );
}

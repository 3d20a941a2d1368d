/** The page « Saisie des résultats » of one bureau: its figures and votes, then validate or go to the next bureau. */
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { CHAMPS_GENERAUX, champVoix } from './controles.ts';
import { entier } from './format.ts';
import { nomBureau, type ResultatBureau } from './lecture.ts';

export interface Csrf {
  readonly field: string;
  readonly token: string;
}

export interface SaisiePageProps {
  readonly resultat: ResultatBureau;
  readonly csrf: Csrf;
  /** The values shown in the fields: those typed (a refused entry), else the stored ones. */
  readonly valeurs: Readonly<Record<string, string>>;
  readonly erreurs: FieldErrors;
  /** Entry possible (bureau not validated, election open). */
  readonly modifiable: boolean;
  readonly peutValider: boolean;
  readonly peutDeverrouiller: boolean;
}

const LIBELLES: Readonly<Record<(typeof CHAMPS_GENERAUX)[number], string>> = {
  votants: 'Votants',
  blancs: 'Bulletins blancs',
  nuls: 'Bulletins nuls',
  exprimes: 'Suffrages exprimés',
};

export const LIBELLES_ETAT: Readonly<Record<string, string>> = { non_arrive: 'Non arrivé', saisi: 'Saisi', erreur: 'En erreur', valide: 'Validé' };

/** The values of the form from the stored figures (empty when not entered). */
export function valeursEnregistrees(resultat: ResultatBureau): Record<string, string> {
  const texte = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const valeurs: Record<string, string> = {
    votants: texte(resultat.votants),
    blancs: texte(resultat.blancs),
    nuls: texte(resultat.nuls),
    exprimes: texte(resultat.exprimes),
  };
  for (const candidature of resultat.candidatures) valeurs[champVoix(candidature.candidature)] = texte(resultat.voix[candidature.candidature]);
  return valeurs;
}

function Champ(props: { name: string; label: string; valeurs: Readonly<Record<string, string>>; erreurs: FieldErrors; disabled: boolean }) {
  const id = `saisie-${props.name}`;
  const erreur = props.erreurs[props.name];
  return (
    <div class="champ">
      <label for={id}>{`${props.label} *`}</label>
      <input
        type="text"
        inputmode="numeric"
        pattern="[0-9 ]*"
        autocomplete="off"
        id={id}
        name={props.name}
        value={props.valeurs[props.name] ?? ''}
        required
        aria-required="true"
        disabled={props.disabled}
        {...(erreur ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-erreur` } : {})}
      />
      {erreur ? (
        <p class="erreur-champ" id={`${id}-erreur`}>
          {erreur}
        </p>
      ) : null}
    </div>
  );
}

export function BoutonValider(props: { electionBureau: number; csrf: Csrf; retour: 'saisie' | 'suivi'; libelle?: string }) {
  return (
    <form method="post" action={`/resultats/valider/${props.electionBureau}`} class="formulaire-bouton">
      <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
      <input type="hidden" name="retour" value={props.retour} />
      <button type="submit">{props.libelle ?? 'Valider'}</button>
    </form>
  );
}

export function SaisiePage(props: SaisiePageProps) {
  const { resultat, valeurs, erreurs } = props;
  const disabled = !props.modifiable;
  return (
    <>
      <p id="saisie-etat">
        {`${resultat.election.libelle} — état du bureau : ${LIBELLES_ETAT[resultat.etat] ?? resultat.etat}`}
        {resultat.saisi_par ? ` (saisi par ${resultat.saisi_par}` : ''}
        {resultat.saisi_par ? (resultat.valide_par ? `, validé par ${resultat.valide_par})` : ')') : ''}
        {'. '}
        <a href={`/resultats/suivi/${resultat.election.election}`}>Suivi de la soirée électorale</a>
      </p>
      <form method="post" action={`/resultats/saisie/${resultat.election_bureau}`} class="formulaire" novalidate>
        <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
        <fieldset class="section">
          <legend>Bulletins</legend>
          <p class="aide" id="saisie-inscrits">
            {'Inscrits : '}
            <strong>{entier(resultat.inscrits)}</strong>
            {'. Votants = blancs + nuls + exprimés ; exprimés = total des voix.'}
          </p>
          <div class="grille colonnes-2">
            {CHAMPS_GENERAUX.map((name) => (
              <Champ name={name} label={LIBELLES[name]} valeurs={valeurs} erreurs={erreurs} disabled={disabled} />
            ))}
          </div>
        </fieldset>
        <fieldset class="section">
          <legend>Voix par candidature</legend>
          <div class="grille colonnes-2">
            {resultat.candidatures.map((candidature) => (
              <Champ
                name={champVoix(candidature.candidature)}
                label={`n° ${candidature.ordre} — ${candidature.libelle}`}
                valeurs={valeurs}
                erreurs={erreurs}
                disabled={disabled}
              />
            ))}
          </div>
        </fieldset>
        {props.modifiable ? (
          <div class="boutons">
            <button type="submit">Enregistrer</button>
          </div>
        ) : null}
      </form>
      <div class="boutons" id="saisie-suites">
        {props.peutValider && resultat.etat === 'saisi' && props.modifiable ? (
          <BoutonValider electionBureau={resultat.election_bureau} csrf={props.csrf} retour="saisie" libelle="Valider ce bureau" />
        ) : null}
        {props.peutDeverrouiller && resultat.etat === 'valide' ? (
          <a href={`/resultats/deverrouiller/${resultat.election_bureau}`}>Déverrouiller ce bureau</a>
        ) : null}
        {resultat.suivant ? (
          <a href={`/resultats/saisie/${resultat.suivant.election_bureau}`} id="saisie-suivant">
            {`Bureau suivant : ${nomBureau(resultat.suivant)}`}
          </a>
        ) : (
          <span>Tous les autres bureaux sont saisis.</span>
        )}
      </div>
    </>
  );
}

/** The page « Participation »: a tranche chosen, every bureau's votants at that hour, and the rates saved. */
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { entier, pourcentage } from './format.ts';
import { champParticipation, type ParticipationElection, type Tranche } from './participation.ts';
import type { Csrf } from './saisie-page.tsx';

export interface ParticipationPageProps {
  readonly participation: ParticipationElection;
  readonly tranche: Tranche | undefined;
  readonly csrf: Csrf;
  /** Typed values of a refused form; else the stored ones are shown. */
  readonly valeurs: Readonly<Record<string, string>> | undefined;
  readonly erreurs: FieldErrors;
  readonly modifiable: boolean;
}

/** Votants and inscrits of the bureaux reported at a tranche (the rate is over those). */
export function totalTranche(participation: ParticipationElection, tranche: Tranche): { votants: number; inscrits: number; bureaux: number } {
  const releves = participation.bureaux.filter((bureau) => bureau.votants[tranche.tranche] !== undefined);
  return {
    votants: releves.reduce((total, bureau) => total + (bureau.votants[tranche.tranche] ?? 0), 0),
    inscrits: releves.reduce((total, bureau) => total + bureau.inscrits, 0),
    bureaux: releves.length,
  };
}

function ChoixTranche(props: { participation: ParticipationElection; tranche: Tranche | undefined }) {
  return (
    <form method="get" action={`/resultats/participation-saisie/${props.participation.election}`} class="formulaire">
      <div class="champ">
        <label for="participation-tranche">Tranche horaire</label>
        <select id="participation-tranche" name="tranche">
          {props.participation.tranches.map((tranche) => (
            <option value={String(tranche.tranche)} selected={tranche.tranche === props.tranche?.tranche}>
              {tranche.heure}
            </option>
          ))}
        </select>
      </div>
      <div class="boutons">
        <button type="submit">Afficher</button>
      </div>
    </form>
  );
}

export function ParticipationPage(props: ParticipationPageProps) {
  const { participation, tranche, erreurs } = props;
  if (!tranche) return <ChoixTranche participation={participation} tranche={tranche} />;
  const total = totalTranche(participation, tranche);
  const valeur = (electionBureau: number, stored: number | undefined) =>
    props.valeurs ? (props.valeurs[champParticipation(electionBureau)] ?? '') : stored === undefined ? '' : String(stored);
  return (
    <>
      <ChoixTranche participation={participation} tranche={tranche} />
      <form method="post" action={`/resultats/participation-saisie/${participation.election}?tranche=${tranche.tranche}`} class="formulaire" novalidate>
        <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
        <input type="hidden" name="tranche" value={String(tranche.tranche)} />
        <table class="listing-tableau" id="participation-bureaux">
          <caption>{`Votants à ${tranche.heure} par bureau (laisser vide un bureau pas encore relevé)`}</caption>
          <thead>
            <tr>
              <th scope="col">Bureau</th>
              <th scope="col">Inscrits</th>
              <th scope="col" id="participation-col-votants">{`Votants à ${tranche.heure}`}</th>
              <th scope="col">Taux enregistré</th>
            </tr>
          </thead>
          <tbody>
            {participation.bureaux.map((bureau) => {
              const champ = champParticipation(bureau.election_bureau);
              const erreur = erreurs[champ];
              const enregistre = bureau.votants[tranche.tranche];
              return (
                <tr>
                  <th scope="row" id={`participation-bureau-${bureau.election_bureau}`}>{`${bureau.code} — ${bureau.libelle}`}</th>
                  <td>{entier(bureau.inscrits)}</td>
                  <td>
                    <input
                      type="text"
                      inputmode="numeric"
                      pattern="[0-9 ]*"
                      autocomplete="off"
                      name={champ}
                      id={`participation-${champ}`}
                      value={valeur(bureau.election_bureau, enregistre)}
                      aria-labelledby={`participation-bureau-${bureau.election_bureau} participation-col-votants`}
                      disabled={!props.modifiable}
                      {...(erreur ? { 'aria-invalid': 'true', 'aria-describedby': `participation-${champ}-erreur` } : {})}
                    />
                    {erreur ? (
                      <p class="erreur-champ" id={`participation-${champ}-erreur`}>
                        {erreur}
                      </p>
                    ) : null}
                  </td>
                  <td>{enregistre === undefined ? '—' : pourcentage(enregistre, bureau.inscrits)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{`Total (${total.bureaux} bureau(x) relevé(s) sur ${participation.bureaux.length})`}</th>
              <td>{entier(total.inscrits)}</td>
              <td>{entier(total.votants)}</td>
              <td id="participation-taux-total">{pourcentage(total.votants, total.inscrits)}</td>
            </tr>
          </tfoot>
        </table>
        {props.modifiable ? (
          <div class="boutons">
            <button type="submit">Enregistrer la participation</button>
          </div>
        ) : null}
      </form>
    </>
  );
}

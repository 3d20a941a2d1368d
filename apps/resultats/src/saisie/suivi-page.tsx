/**
 * The page « Soirée électorale » of an election: every bureau with its state and figures and the
 * links to enter, validate or unlock it; the totals per candidature over the validated bureaux;
 * the participation per tranche.
 */
import type { TotauxElection } from '../totaux/index.ts';
import { entier, pourcentage } from './format.ts';
import { totalTranche } from './participation-page.tsx';
import type { ParticipationElection } from './participation.ts';
import { BoutonValider, LIBELLES_ETAT, type Csrf } from './saisie-page.tsx';

export interface SuiviPageProps {
  readonly totaux: TotauxElection;
  readonly participation: ParticipationElection;
  readonly csrf: Csrf;
  readonly droits: { readonly saisie: boolean; readonly valider: boolean; readonly deverrouiller: boolean; readonly participation: boolean };
  /** Entry, validation and unlock possible (election in preparation or open). */
  readonly modifiable: boolean;
}

const chiffre = (etat: string, value: number) => (etat === 'non_arrive' ? '—' : entier(value));

function Bureaux(props: SuiviPageProps) {
  const { totaux, droits } = props;
  return (
    <table class="listing-tableau" id="suivi-bureaux">
      <caption>Bureaux</caption>
      <thead>
        <tr>
          <th scope="col">Bureau</th>
          <th scope="col">État</th>
          <th scope="col">Inscrits</th>
          <th scope="col">Votants</th>
          <th scope="col">Blancs</th>
          <th scope="col">Nuls</th>
          <th scope="col">Exprimés</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {totaux.parBureau.map((bureau) => (
          <tr>
            <th scope="row">{`${bureau.code} — ${bureau.libelle}`}</th>
            <td>{LIBELLES_ETAT[bureau.etat] ?? bureau.etat}</td>
            <td>{entier(bureau.inscrits)}</td>
            <td>{chiffre(bureau.etat, bureau.votants)}</td>
            <td>{chiffre(bureau.etat, bureau.blancs)}</td>
            <td>{chiffre(bureau.etat, bureau.nuls)}</td>
            <td>{chiffre(bureau.etat, bureau.exprimes)}</td>
            <td>
              {droits.saisie && props.modifiable && bureau.etat !== 'valide' ? (
                <a href={`/resultats/saisie/${bureau.election_bureau}`}>{bureau.etat === 'non_arrive' ? `Saisir ${bureau.code}` : `Corriger ${bureau.code}`}</a>
              ) : null}
              {droits.valider && props.modifiable && bureau.etat === 'saisi' ? (
                <BoutonValider electionBureau={bureau.election_bureau} csrf={props.csrf} retour="suivi" libelle={`Valider ${bureau.code}`} />
              ) : null}
              {droits.deverrouiller && props.modifiable && bureau.etat === 'valide' ? (
                <a href={`/resultats/deverrouiller/${bureau.election_bureau}`}>{`Déverrouiller ${bureau.code}`}</a>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Totaux(props: { totaux: TotauxElection }) {
  const { totaux } = props;
  return (
    <table class="listing-tableau" id="suivi-totaux">
      <caption>{`Résultats des bureaux validés (exprimés : ${entier(totaux.exprimes)})`}</caption>
      <thead>
        <tr>
          <th scope="col">N°</th>
          <th scope="col">Candidature</th>
          <th scope="col">Voix</th>
          <th scope="col">% des exprimés</th>
        </tr>
      </thead>
      <tbody>
        {totaux.candidatures.map((candidature) => (
          <tr>
            <td>{String(candidature.ordre)}</td>
            <th scope="row">{candidature.libelle}</th>
            <td>{entier(candidature.voix)}</td>
            <td>{pourcentage(candidature.voix, totaux.exprimes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Participation(props: { participation: ParticipationElection; lien: boolean }) {
  const { participation } = props;
  return (
    <section aria-labelledby="suivi-participation-titre">
      <h2 id="suivi-participation-titre">Participation</h2>
      {participation.tranches.length === 0 ? (
        <p>Aucune tranche horaire n’est définie pour cette élection.</p>
      ) : (
        <table class="listing-tableau" id="suivi-participation">
          <caption>Participation par tranche horaire</caption>
          <thead>
            <tr>
              <th scope="col">Heure</th>
              <th scope="col">Bureaux relevés</th>
              <th scope="col">Votants</th>
              <th scope="col">Taux</th>
            </tr>
          </thead>
          <tbody>
            {participation.tranches.map((tranche) => {
              const total = totalTranche(participation, tranche);
              return (
                <tr>
                  <th scope="row">{tranche.heure}</th>
                  <td>{`${total.bureaux} sur ${participation.bureaux.length}`}</td>
                  <td>{entier(total.votants)}</td>
                  <td>{pourcentage(total.votants, total.inscrits)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.lien ? (
        <p>
          <a href={`/resultats/participation-saisie/${participation.election}`}>Saisir la participation</a>
        </p>
      ) : null}
    </section>
  );
}

export function SuiviPage(props: SuiviPageProps) {
  const { totaux } = props;
  return (
    <>
      <p id="suivi-comptes">
        <strong>{`${totaux.bureaux.comptes} bureau(x) compté(s) sur ${totaux.bureaux.total}`}</strong>
        {` — inscrits ${entier(totaux.inscrits)}, votants ${entier(totaux.votants)} (${pourcentage(totaux.votants, totaux.inscrits)}), blancs ${entier(totaux.blancs)}, nuls ${entier(totaux.nuls)}, exprimés ${entier(totaux.exprimes)}.`}
      </p>
      <Totaux totaux={totaux} />
      <Bureaux {...props} />
      <Participation participation={props.participation} lien={props.droits.participation} />
    </>
  );
}

/** The elections to follow (the landing page of the menu entry). */
export function ElectionsPage(props: { elections: readonly { election: number; libelle: string; date_scrutin: string; etat: string }[] }) {
  if (props.elections.length === 0) return <p>Aucune élection n’est enregistrée.</p>;
  return (
    <table class="listing-tableau" id="suivi-elections">
      <caption>Élections</caption>
      <thead>
        <tr>
          <th scope="col">Élection</th>
          <th scope="col">Date</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <tbody>
        {props.elections.map((election) => (
          <tr>
            <th scope="row">
              <a href={`/resultats/suivi/${election.election}`}>{election.libelle}</a>
            </th>
            <td>{election.date_scrutin.split('-').reverse().join('/')}</td>
            <td>{election.etat}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The page « Calendrier électoral »: a form (GET: it computes, it changes nothing) asking the
 * rounds' dates, the calendar of those dates, and the calendar of each scrutin recorded. Dates
 * shown JJ/MM/AAAA with their day of the week; laid out with the framework's classes (formulaire,
 * section, champ, boutons, listing-tableau).
 */
import type { CalendrierScrutin } from '../rules/calendrier.ts';
import { dateCourte, weekday } from '../rules/dates.ts';

/** What the form received, and the calendar or the error it gave. */
export interface SaisieCalendrier {
  readonly premierTour: string;
  readonly secondTour: string;
  readonly calendrier?: CalendrierScrutin;
  readonly erreur?: string;
  /** The field the error is about. */
  readonly champEnErreur?: 'premier_tour' | 'second_tour';
}

export interface CalendrierDeScrutin {
  readonly scrutin: number;
  readonly libelle: string;
  readonly calendrier: CalendrierScrutin;
}

const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

/** « vendredi 06/02/2026 ». */
const jour = (iso: string) => `${JOURS[weekday(iso)]} ${dateCourte(iso)}`;

const periode = (debut: string, fin: string) => `du ${jour(debut)} au ${jour(fin)}`;

function Formulaire(props: { saisie: SaisieCalendrier }) {
  const { saisie } = props;
  const invalide = (champ: SaisieCalendrier['champEnErreur']) => (saisie.erreur && saisie.champEnErreur === champ ? { 'aria-invalid': 'true' } : {});
  return (
    <form method="get" action="/elections/calendrier" class="formulaire">
      <fieldset class="section">
        <legend>Dates du scrutin</legend>
        <p class="aide" id="calendrier-aide">
          Dates au format JJ/MM/AAAA. Sans date de second tour, il est compté une semaine après le premier.
        </p>
        <div class="grille colonnes-2">
          <div class="champ">
            <label for="calendrier-premier-tour">Date du premier tour</label>
            <input
              type="text"
              inputmode="numeric"
              id="calendrier-premier-tour"
              name="premier_tour"
              value={saisie.premierTour}
              class="date"
              maxlength={10}
              placeholder="JJ/MM/AAAA"
              aria-required="true"
              aria-describedby="calendrier-aide"
              {...invalide('premier_tour')}
            />
          </div>
          <div class="champ">
            <label for="calendrier-second-tour">Date du second tour (facultative)</label>
            <input
              type="text"
              inputmode="numeric"
              id="calendrier-second-tour"
              name="second_tour"
              value={saisie.secondTour}
              class="date"
              maxlength={10}
              placeholder="JJ/MM/AAAA"
              aria-describedby="calendrier-aide"
              {...invalide('second_tour')}
            />
          </div>
        </div>
      </fieldset>
      <div class="boutons">
        <button type="submit">Calculer le calendrier</button>
      </div>
    </form>
  );
}

function Echeances(props: { calendrier: CalendrierScrutin; legende: string; id: string }) {
  const { calendrier } = props;
  const lignes: [string, string, string][] = [
    ['Premier tour', jour(calendrier.premier_tour), ''],
    ['Second tour', jour(calendrier.second_tour), ''],
    ['Date limite d’inscription', jour(calendrier.date_limite_inscription), 'art. L17 : le sixième vendredi précédant le scrutin'],
    [
      'Réunion de la commission de contrôle',
      periode(calendrier.commission_controle.debut, calendrier.commission_controle.fin),
      'art. L19 : entre le 24e et le 21e jour précédant le scrutin',
    ],
    [
      'Publication du tableau des inscriptions et radiations',
      periode(calendrier.tableau_inscriptions_radiations.au_plus_tot, calendrier.tableau_inscriptions_radiations.au_plus_tard),
      'art. L20 et R13 : le lendemain de la réunion de la commission, au plus tard le 20e jour avant le scrutin, pendant sept jours',
    ],
    ['Date limite des demandes au titre de l’article L30', jour(calendrier.date_limite_l30), 'art. L30 : le dixième jour précédant le scrutin'],
  ];
  return (
    <table class="listing-tableau" id={props.id}>
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">Échéance</th>
          <th scope="col">Date</th>
          <th scope="col">Règle</th>
        </tr>
      </thead>
      <tbody>
        {lignes.map(([echeance, date, regle]) => (
          <tr>
            <th scope="row">{echeance}</th>
            <td>{date}</td>
            <td>{regle}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CasL30(props: { calendrier: CalendrierScrutin }) {
  return (
    <section aria-labelledby="calendrier-cas-l30">
      <h2 id="calendrier-cas-l30">Inscriptions après la date limite (article L30)</h2>
      <p>
        Jusqu’au {jour(props.calendrier.date_limite_l30)} inclus, peuvent encore demander leur inscription pour ce scrutin :
      </p>
      <ul>
        {props.calendrier.cas_l30.map((cas) => (
          <li>
            {cas.libelle} ({cas.article}).
          </li>
        ))}
      </ul>
    </section>
  );
}

function Scrutins(props: { scrutins: readonly CalendrierDeScrutin[] }) {
  if (props.scrutins.length === 0) {
    return (
      <section aria-labelledby="calendrier-scrutins">
        <h2 id="calendrier-scrutins">Scrutins enregistrés</h2>
        <p>Aucun scrutin n’est enregistré pour votre collectivité.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="calendrier-scrutins">
      <h2 id="calendrier-scrutins">Scrutins enregistrés</h2>
      <div class="listing-defilement" role="region" aria-labelledby="calendrier-scrutins-legende" tabindex={0}>
        <table class="listing-tableau">
          <caption id="calendrier-scrutins-legende">Échéances de chaque scrutin (les plus récents d’abord)</caption>
          <thead>
            <tr>
              <th scope="col">Scrutin</th>
              <th scope="col">Premier tour</th>
              <th scope="col">Second tour</th>
              <th scope="col">Date limite d’inscription</th>
              <th scope="col">Commission de contrôle</th>
              <th scope="col">Limite L30</th>
            </tr>
          </thead>
          <tbody>
            {props.scrutins.map(({ scrutin, libelle, calendrier }) => (
              <tr>
                <th scope="row">
                  <a href={`/elections/scrutin/${scrutin}`}>{libelle}</a>
                </th>
                <td>{dateCourte(calendrier.premier_tour)}</td>
                <td>{dateCourte(calendrier.second_tour)}</td>
                <td>{dateCourte(calendrier.date_limite_inscription)}</td>
                <td>{`${dateCourte(calendrier.commission_controle.debut)} – ${dateCourte(calendrier.commission_controle.fin)}`}</td>
                <td>{dateCourte(calendrier.date_limite_l30)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CalendrierPage(props: { saisie: SaisieCalendrier; scrutins: readonly CalendrierDeScrutin[] | undefined }) {
  const { calendrier } = props.saisie;
  return (
    <>
      <Formulaire saisie={props.saisie} />
      {calendrier ? (
        <>
          <Echeances calendrier={calendrier} id="calendrier-resultat" legende={`Calendrier du scrutin dont le premier tour a lieu le ${jour(calendrier.premier_tour)}`} />
          <CasL30 calendrier={calendrier} />
        </>
      ) : null}
      {props.scrutins ? <Scrutins scrutins={props.scrutins} /> : null}
    </>
  );
}

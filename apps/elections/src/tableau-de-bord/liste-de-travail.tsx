/**
 * « Liste de travail » (issue 11 §8): the user chooses LP, LCE or LCM, kept for this browser (a
 * preference, framework/src/web/preferences.ts); the electeur and mouvement listings opened from the
 * menu start filtered on it (`defaultCriteria`: the filter shows in their search form and
 * « Effacer » removes it).
 */
import type { AppPage } from '../../../../framework/src/model/app-routes.ts';
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { message } from './messages.ts';

export const LISTE_DE_TRAVAIL_PREFERENCE = 'elections_liste';
export const LISTE_DE_TRAVAIL_PATH = 'liste-de-travail';
const LISTES = [
  { value: 'LP', label: 'Liste principale (LP)' },
  { value: 'LCE', label: 'Liste complémentaire européenne (LCE)' },
  { value: 'LCM', label: 'Liste complémentaire municipale (LCM)' },
] as const;

/** The working list this browser chose, if it is one of the three. */
export function listeDeTravail(preferences: Readonly<Record<string, string>>): string | undefined {
  const value = preferences[LISTE_DE_TRAVAIL_PREFERENCE];
  return LISTES.some((liste) => liste.value === value) ? value : undefined;
}

/** The override with the listing's default criterion: its `liste` column on the working list. */
export function withListeDeTravail(override: ObjectOverride): ObjectOverride {
  return {
    ...override,
    screens: {
      ...override.screens,
      defaultCriteria: ({ preferences }) => {
        const liste = listeDeTravail(preferences);
        return liste ? { 'filter[liste]': liste } : undefined;
      },
    },
  };
}

function Formulaire(props: { current: string | undefined; csrf: { field: string; token: string }; erreur?: string }) {
  return (
    <form method="post" action={`/elections/${LISTE_DE_TRAVAIL_PATH}`} class="formulaire">
      <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
      <fieldset class="section" aria-describedby="liste-travail-aide">
        <legend>{message('listeTravailLegende')}</legend>
        <p class="aide" id="liste-travail-aide">{message('listeTravailAide')}</p>
        {[...LISTES, { value: '', label: message('listeTravailToutes') }].map((liste) => (
          <p class="champ">
            <input type="radio" id={`liste-travail-${liste.value || 'toutes'}`} name="liste" value={liste.value} checked={(props.current ?? '') === liste.value} />
            <label for={`liste-travail-${liste.value || 'toutes'}`}>{liste.label}</label>
          </p>
        ))}
      </fieldset>
      <p class="boutons">
        <button type="submit">{message('listeTravailEnregistrer')}</button>
      </p>
    </form>
  );
}

export const listeDeTravailPage: AppPage = {
  app: 'elections',
  path: LISTE_DE_TRAVAIL_PATH,
  methods: ['GET', 'POST'],
  permission: 'elections.electeur_tab',
  menu: { rubrique: 'application', category: 'Élections', order: 45, label: message('listeTravailTitre') },
  handler({ method, form, preferences, csrf }) {
    const title = message('listeTravailTitre');
    const current = listeDeTravail(preferences);
    if (method === 'POST') {
      const choice = form['liste'] ?? '';
      if (choice !== '' && !LISTES.some((liste) => liste.value === choice)) {
        return { title, status: 400, messages: [{ kind: 'error', text: message('listeTravailInconnue') }], body: <Formulaire current={current} csrf={csrf} /> };
      }
      return {
        redirect: '/elections/electeur',
        preferences: { [LISTE_DE_TRAVAIL_PREFERENCE]: choice === '' ? null : choice },
        flash: { kind: 'success', text: choice === '' ? message('listeTravailRetiree') : message('listeTravailChoisie', { liste: choice }) },
      };
    }
    return {
      title,
      body: (
        <>
          <p>{current ? message('listeTravailActuelle', { liste: current }) : message('listeTravailAucune')}</p>
          <Formulaire current={current} csrf={csrf} />
        </>
      ),
    };
  },
};

/**
 * « Registre du courrier »: the register of a period for the archives. The criteria (registre, du,
 * au) are checked here in French; the PDF is the état `courrier_registre` (migration 0005) printed
 * as a job, offered in « Mes traitements ». Readable by who lists the mail; read as him.
 */
import { todayInParis } from '../../../../framework/src/jobs/daily.ts';
import { JobRefused } from '../../../../framework/src/jobs/index.ts';
import type { AppPage, PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { ChampChoix, ChampDate, messagesErreurs } from './formulaire.tsx';
import { lancerEdition } from './impression.ts';
import { cleRegistre, dateFr, lireCriteresRegistre, titreRegistre, type ErreursPeriode } from './periode.ts';

export const ETAT_REGISTRE = 'courrier_registre';
export const TITRE_REGISTRE = 'Registre du courrier';

interface Saisie {
  readonly registre: string;
  readonly du: string;
  readonly au: string;
}

function RegistreForm(props: { saisie: Saisie; erreurs: ErreursPeriode | undefined; csrf: { field: string; token: string } }) {
  const { saisie, erreurs } = props;
  return (
    <>
      <p>
        Le registre d’une période, pour les archives : chaque courrier dans l’ordre du registre (numéro, dates, nature, correspondant,
        objet, service, réponse). Le PDF est préparé en traitement et se télécharge dans « Mes traitements ».
      </p>
      <form method="post" action="/courrier/editions/registre" class="formulaire" novalidate>
        <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
        <fieldset class="section">
          <legend>Registre et période (366 jours au plus)</legend>
          <ChampChoix id="registre-registre" nom="registre" libelle="Registre" valeur={saisie.registre} erreur={erreurs?.registre}
            choix={[{ valeur: 'arrivee', libelle: 'Arrivées' }, { valeur: 'depart', libelle: 'Départs' }]} />
          <ChampDate id="registre-du" nom="du" libelle="Du" valeur={saisie.du} erreur={erreurs?.du} />
          <ChampDate id="registre-au" nom="au" libelle="Au" valeur={saisie.au} erreur={erreurs?.au} />
        </fieldset>
        <div class="boutons">
          <button type="submit">Imprimer le registre (PDF)</button>
        </div>
      </form>
    </>
  );
}

const saisieParDefaut = (): Saisie => {
  const aujourdhui = todayInParis();
  return { registre: 'arrivee', du: dateFr(`${aujourdhui.slice(0, 4)}-01-01`), au: dateFr(aujourdhui) };
};

async function handler(context: PageContext<Actor>) {
  const { method, form, csrf } = context;
  if (method === 'GET') return { title: TITRE_REGISTRE, body: <RegistreForm saisie={saisieParDefaut()} erreurs={undefined} csrf={csrf} /> };
  const saisie: Saisie = { registre: form.registre ?? '', du: form.du ?? '', au: form.au ?? '' };
  const lu = lireCriteresRegistre(saisie);
  if (!lu.ok) {
    return { title: TITRE_REGISTRE, status: 400 as const, messages: messagesErreurs(lu.erreurs), body: <RegistreForm saisie={saisie} erreurs={lu.erreurs} csrf={csrf} /> };
  }
  const criteres = lu.valeur;
  const libelle = titreRegistre(criteres);
  try {
    await lancerEdition(context.jobs, context.service, context.actor, context.locale, {
      etat: ETAT_REGISTRE,
      cle: cleRegistre(criteres),
      libelle,
      fichier: `registre-${criteres.registre}-${criteres.du}-${criteres.au}.pdf`,
    });
  } catch (error) {
    if (!(error instanceof JobRefused)) throw error;
    return { title: TITRE_REGISTRE, status: 400 as const, messages: [{ kind: 'error' as const, text: error.message }], body: <RegistreForm saisie={saisie} erreurs={undefined} csrf={csrf} /> };
  }
  return { redirect: '/traitements', flash: { kind: 'success' as const, text: `« ${libelle} » est en préparation : le PDF se télécharge ici dès qu’il est prêt.` } };
}

export const registrePage: AppPage = {
  app: 'courrier',
  path: 'editions/registre',
  methods: ['GET', 'POST'],
  permission: 'courrier.courrier_tab',
  menu: { ...applicationMenu(RUBRIQUES_COURRIER.editions, 10, TITRE_REGISTRE), label: TITRE_REGISTRE },
  handler,
};

/**
 * `/cimetiere/recherche?q=…&elargie=1&cimetiere=…`: the « recherche globale » page, a GET form
 * (bookmarkable, no CSRF needed) and the results grouped by what matched, each linking to the
 * emplacement or, for an archive, to its fin de concession.
 */
import { sql } from 'kysely';
import type { AppPage } from '../../../../framework/src/model/app-routes.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from '../objects/menu.ts';
import { LONGUEUR_MINIMALE, MAX_PAR_GROUPE, rechercher, resume, type CriteresRecherche, type GroupeResultats } from './recherche.ts';

export const RECHERCHE_PATH = 'recherche';
const TITRE = 'Recherche globale';

interface CimetiereAuChoix {
  readonly cimetiere: number;
  readonly libelle: string;
}

function Formulaire(props: { criteres: CriteresRecherche; cimetieres: readonly CimetiereAuChoix[] }) {
  return (
    <form method="get" action={`/cimetiere/${RECHERCHE_PATH}`} class="formulaire" role="search">
      <fieldset class="section">
        <legend>Rechercher un nom, une famille, un numéro d’acte ou une date de décès</legend>
        <div class="champ">
          <label for="recherche-q">Terme recherché</label>
          <input type="search" id="recherche-q" name="q" value={props.criteres.terme} aria-describedby="recherche-q-aide" />
          <p class="aide" id="recherche-q-aide">
            Au moins {LONGUEUR_MINIMALE} caractères ; accents et majuscules indifférents. Une date (JJ/MM/AAAA) cherche aussi les dates de décès.
          </p>
        </div>
        <div class="champ case">
          <input type="checkbox" id="recherche-elargie" name="elargie" value="1" checked={props.criteres.elargie} />
          <label for="recherche-elargie">Recherche élargie (le terme n’importe où dans le nom, pas seulement au début)</label>
        </div>
        <div class="champ">
          <label for="recherche-cimetiere">Cimetière</label>
          <select id="recherche-cimetiere" name="cimetiere">
            <option value="">Tous les cimetières</option>
            {props.cimetieres.map((cimetiere) => (
              <option value={String(cimetiere.cimetiere)} selected={props.criteres.cimetiere === cimetiere.cimetiere}>
                {cimetiere.libelle}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div class="boutons">
        <button type="submit" class="bouton principal">Rechercher</button>
      </div>
    </form>
  );
}

function Groupe(props: { groupe: GroupeResultats }) {
  const { groupe } = props;
  return (
    <section aria-labelledby={`recherche-${groupe.code}`}>
      <h2 id={`recherche-${groupe.code}`}>
        {groupe.titre} ({groupe.resultats.length}
        {groupe.tronque ? ' premiers' : ''})
      </h2>
      <table class="listing-tableau">
        <caption>{groupe.titre}</caption>
        <thead>
          <tr>
            <th scope="col">Trouvé</th>
            <th scope="col">Emplacement</th>
            <th scope="col">Cimetière</th>
          </tr>
        </thead>
        <tbody>
          {groupe.resultats.map((resultat) => (
            <tr>
              <th scope="row">
                <a href={resultat.href}>{resultat.texte}</a>
              </th>
              <td>{resultat.emplacement}</td>
              <td>{resultat.cimetiere}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {groupe.tronque ? <p class="aide">Seuls les {MAX_PAR_GROUPE} premiers sont montrés : précisez le terme.</p> : null}
    </section>
  );
}

/** The criteria of the query string; a cemetery that is not a number is ignored. */
export function criteresDe(query: URLSearchParams): CriteresRecherche {
  const cimetiere = query.get('cimetiere') ?? '';
  return {
    terme: (query.get('q') ?? '').slice(0, 100),
    elargie: query.get('elargie') === '1',
    cimetiere: /^\d{1,9}$/.test(cimetiere) ? Number(cimetiere) : undefined,
  };
}

export const recherchePage: AppPage = {
  app: 'cimetiere',
  path: RECHERCHE_PATH,
  permission: 'cimetiere.emplacement_tab',
  menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.recherche, 1, TITRE), label: TITRE },
  async handler({ query, read }) {
    const criteres = criteresDe(query);
    const { cimetieres, groupes } = await read(async (db) => ({
      cimetieres: (await sql<CimetiereAuChoix>`select cimetiere, libelle from cimetiere.cimetiere order by libelle collate "und-x-icu"`.execute(db)).rows,
      groupes: await rechercher(db, criteres),
    }));
    const terme = criteres.terme.trim();
    const trop = terme !== '' && terme.length < LONGUEUR_MINIMALE;
    return {
      title: TITRE,
      ...(trop ? { messages: [{ kind: 'warning' as const, text: `Tapez au moins ${LONGUEUR_MINIMALE} caractères.` }] } : {}),
      body: (
        <>
          <Formulaire criteres={criteres} cimetieres={cimetieres} />
          {terme.length >= LONGUEUR_MINIMALE ? (
            <div id="recherche-resultats">
              <p role="status">{resume(groupes, terme)}</p>
              {groupes.map((groupe) => (
                <Groupe groupe={groupe} />
              ))}
            </div>
          ) : null}
        </>
      ),
    };
  },
};

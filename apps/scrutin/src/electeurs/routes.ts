/**
 * `/scrutin/choisir-electeur`: when the élections application is served and the user may list its
 * electors, find one by name and birth date and make a `personne` of them (or reuse the one already
 * made); otherwise the page says to type the person in. Permission: adding a personne.
 */
import { can } from '../../../../framework/src/access/permissions.ts';
import { RouteError, type AppPage, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { createRecord, parseFrenchDate, ServiceError } from '../../../../framework/src/records/index.ts';
import { TITRE } from '../menu.ts';
import { ChoisirElecteurPage, SansElections } from './page.tsx';
import { chercherElecteurs, personneDeLElecteur, personneExistante } from './query.ts';

export const CHOISIR_PERMISSION = 'scrutin.personne_ajouter';
const TITLE = 'Choisir dans la liste électorale';

async function choisir(registry: Registry, context: PageContext<Actor>) {
  const electeur = Number(context.form['electeur']);
  if (!Number.isInteger(electeur) || electeur <= 0) throw RouteError.badRequest('Choisissez un électeur dans la liste des résultats.');
  const personne = registry.get('scrutin', 'personne');
  if (!personne) throw RouteError.notFound('Les personnes ne sont pas servies.');
  const existante = await context.read((db) => personneExistante(db, electeur));
  if (existante !== undefined) {
    return { redirect: `/scrutin/personne/${existante}`, flash: { kind: 'info' as const, text: 'Cet électeur est déjà enregistré comme personne : sa fiche est ouverte.' } };
  }
  const valeurs = await context.read((db) => personneDeLElecteur(db, electeur));
  if (!valeurs) throw RouteError.notFound('Cet électeur n’existe pas ou n’est pas inscrit dans votre collectivité.');
  try {
    const created = await createRecord(context.service, context.actor, personne, { ...valeurs, electeur_liste: String(electeur) });
    return { redirect: `/scrutin/personne/${String(created['personne'])}`, flash: { kind: 'success' as const, text: `${String(valeurs['prenom'])} ${String(valeurs['nom'])} est enregistré(e) comme personne à partir de la liste électorale.` } };
  } catch (error) {
    if (error instanceof ServiceError) throw RouteError.badRequest(error.message);
    throw error;
  }
}

export function registerChoixElecteur(registry: Registry): void {
  const page: AppPage = {
    app: 'scrutin',
    path: 'choisir-electeur',
    methods: ['GET', 'POST'],
    permission: CHOISIR_PERMISSION,
    menu: { rubrique: 'application', category: TITRE, order: 35, label: TITLE },
    async handler(context) {
      const electeurs = registry.get('elections', 'electeur');
      if (!electeurs || !can(context.actor, electeurs, 'tab')) return { title: TITLE, body: SansElections() };
      if (context.method === 'POST') return choisir(registry, context);
      const nom = context.query.get('nom')?.trim() ?? '';
      const dateSaisie = context.query.get('date_naissance')?.trim() ?? '';
      const dateNaissance = dateSaisie === '' ? undefined : parseFrenchDate(dateSaisie);
      if (dateSaisie !== '' && !dateNaissance) {
        return {
          title: TITLE,
          status: 400 as const,
          messages: [{ kind: 'error' as const, text: `La date de naissance « ${dateSaisie} » n’est pas une date valide : écrivez-la JJ/MM/AAAA (exemple : 02/05/1961).` }],
          body: ChoisirElecteurPage({ recherche: { nom, dateNaissance: dateSaisie }, csrf: context.csrf }),
        };
      }
      const resultats = nom === '' ? undefined : await context.read((db) => chercherElecteurs(db, nom, dateNaissance));
      return { title: TITLE, body: ChoisirElecteurPage({ recherche: { nom, dateNaissance: dateSaisie, resultats }, csrf: context.csrf }) };
    },
  };
  registry.addPage(page);
}

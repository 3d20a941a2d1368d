/**
 * « Dossier archivé » (`/courrier/archives/:id`, a link of the archive's page): the archived mail
 * and its snapshot, readable — copies, documents (each downloadable), tasks, visas, links — and
 * the download route of its documents (`/api/v1/courrier/archives/:id/documents/:fichier`), which
 * reads the archive row as the user first: row-level security decides, as for the page.
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { RouteError, RouteFile, type ApiRoute, type AppPage, type ApiRouteContext, type PageAnswer, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import { dateFr } from './dates.ts';
import { documentArchive, lireDossier, type DocumentArchive, type DossierArchive } from './dossier.ts';

export const DROIT_CONSULTER_ARCHIVE = 'courrier.courrier_archive_consulter';
export const dossierArchiveHref = (archive: unknown) => `/courrier/archives/${String(archive)}`;
export const documentArchiveHref = (archive: number, fichier: string) => `/api/v1/courrier/archives/${archive}/documents/${encodeURIComponent(fichier)}`;

export const DOSSIER_MESSAGES = {
  introuvable: 'Ce courrier archivé n’existe pas ou vous n’avez pas accès à son dossier.',
  fichierIntrouvable: 'Ce document n’existe pas dans le dossier archivé, ou son fichier n’est plus disponible.',
} as const;

type Json = Readonly<Record<string, unknown>>;
const t = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const ouiNon = (value: unknown) => (value === true ? 'Oui' : 'Non');
const REGISTRES: Readonly<Record<string, string>> = { arrivee: 'Arrivée', depart: 'Départ' };
const DECISIONS: Readonly<Record<string, string>> = { vise: 'Visé', refuse: 'Refusé' };
const TYPES: Readonly<Record<string, string>> = { scan: 'Courrier numérisé', reponse: 'Réponse', annexe: 'Annexe', rapport: 'Rapport' };
const ETATS: Readonly<Record<string, string>> = { enregistre: 'Enregistré', projet: 'En projet', en_visa: 'En visa', refuse: 'Refusé au visa', vise: 'Visé', parti: 'Parti' };
const numeroDe = (entry: Json) => `${REGISTRES[t(entry['registre'])] ?? ''} n° ${t(entry['numero'])}`.trim();

function Ligne(props: { terme: string; valeur: string }) {
  return props.valeur === '' ? null : (
    <>
      <dt>{props.terme}</dt>
      <dd>{props.valeur}</dd>
    </>
  );
}

function Vide(props: { texte: string }) {
  return <p>{props.texte}</p>;
}

function Documents(props: { dossier: DossierArchive }) {
  const { dossier } = props;
  if (dossier.documents.length === 0) return <Vide texte="Aucun document." />;
  const lien = (fichier: string | null, nom: string | null, libelle: string) =>
    fichier ? <a href={documentArchiveHref(dossier.archive, fichier)}>{nom ?? libelle}</a> : null;
  return (
    <table class="table" id="archive-documents">
      <caption>Documents du dossier</caption>
      <thead>
        <tr>
          <th scope="col">Libellé</th>
          <th scope="col">Type</th>
          <th scope="col">Date</th>
          <th scope="col">Fichier</th>
          <th scope="col">Original</th>
        </tr>
      </thead>
      <tbody>
        {dossier.documents.map((document: DocumentArchive) => (
          <tr>
            <th scope="row">{document.libelle}</th>
            <td>{TYPES[document.type] ?? document.type}</td>
            <td>{dateFr(document.date)}</td>
            <td>{lien(document.fichier, document.fichierNom, document.libelle)}</td>
            <td>{lien(document.original, document.originalNom, 'Original')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Tableau(props: { id: string; legende: string; vide: string; colonnes: readonly string[]; lignes: readonly (readonly string[])[] }) {
  if (props.lignes.length === 0) return <Vide texte={props.vide} />;
  return (
    <table class="table" id={props.id}>
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          {props.colonnes.map((colonne) => (
            <th scope="col">{colonne}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.lignes.map(([premiere, ...suite]) => (
          <tr>
            <th scope="row">{premiere}</th>
            {suite.map((cellule) => (
              <td>{cellule}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section(props: { id: string; titre: string; children: unknown }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.titre}</h2>
      {props.children}
    </section>
  );
}

export function DossierArchivePage({ dossier }: { dossier: DossierArchive }) {
  const depart = dossier.registre === 'depart';
  return (
    <>
      <p class="aide">{`Archivé le ${dateFr(dossier.archiveLe)} par ${dossier.archivePar} : ce dossier ne se modifie plus.`}</p>
      <Section id="archive-courrier" titre="Courrier">
        <dl class="fiche" id="archive-fiche">
          <Ligne terme="Registre" valeur={REGISTRES[dossier.registre] ?? dossier.registre} />
          <Ligne terme="Numéro" valeur={dossier.numero} />
          <Ligne terme="Nature" valeur={t(dossier.nature)} />
          <Ligne terme="État" valeur={dossier.etat ? (ETATS[dossier.etat] ?? dossier.etat) : ''} />
          <Ligne terme={depart ? 'Destinataire' : 'Expéditeur'} valeur={dossier.correspondant} />
          <Ligne terme="Objet" valeur={dossier.objet} />
          <Ligne terme="Catégorie" valeur={t(dossier.categorie)} />
          <Ligne terme="Arrivé le" valeur={dateFr(dossier.dateArrivee)} />
          <Ligne terme="Daté du" valeur={dateFr(dossier.dateCourrier)} />
          <Ligne terme="Signé le" valeur={dateFr(dossier.dateSignature)} />
          <Ligne terme="Parti le" valeur={dateFr(dossier.dateDepart)} />
          <Ligne terme="Service de traitement" valeur={dossier.service} />
          <Ligne terme="Agent référent" valeur={t(dossier.referent)} />
          <Ligne terme="Confidentiel" valeur={ouiNon(dossier.confidentiel)} />
          <Ligne terme="En réponse au courrier" valeur={dossier.reponseA ? numeroDe(dossier.reponseA) : ''} />
          <Ligne terme="Réponses" valeur={dossier.reponses.map(numeroDe).join(', ')} />
          <Ligne terme="Observation" valeur={t(dossier.observation)} />
        </dl>
      </Section>
      <Section id="archive-copies" titre="Copies">
        <Tableau
          id="archive-copies-table"
          legende="Copies (diffusion)"
          vide="Aucune copie."
          colonnes={['Destinataire', 'Nature']}
          lignes={dossier.copies.map((copie) => (copie['service'] ? [t(copie['service']), 'Service'] : [t(copie['elu']), 'Élu']))}
        />
      </Section>
      <Section id="archive-documents-titre" titre="Documents">
        <Documents dossier={dossier} />
      </Section>
      <Section id="archive-taches" titre="Tâches">
        <Tableau
          id="archive-taches-table"
          legende="Tâches du courrier"
          vide="Aucune tâche."
          colonnes={['Tâche', 'Service', 'Agent', 'État', 'Date butoir', 'Exécutée le', 'Soldée', 'Réponse']}
          lignes={dossier.taches.map((tache) => [
            t(tache['libelle']),
            t(tache['service']),
            t(tache['agent']),
            t(tache['etat']),
            dateFr(tache['date_butoir']),
            dateFr(tache['date_execution']),
            ouiNon(tache['solde']),
            [t(tache['reponse']), t(tache['chronoreponse'])].filter(Boolean).join(' — '),
          ])}
        />
      </Section>
      <Section id="archive-visas" titre="Circuit de visa">
        <Tableau
          id="archive-visas-table"
          legende="Étapes du circuit de visa"
          vide="Aucun circuit de visa."
          colonnes={['Rang', 'Viseur', 'Décision', 'Décidé le', 'Annotation']}
          lignes={dossier.visas.map((visa) => [
            t(visa['rang']),
            t(visa['viseur']),
            DECISIONS[t(visa['decision'])] ?? 'En attente',
            dateFr(visa['decide_le']),
            t(visa['annotation']),
          ])}
        />
      </Section>
      <Section id="archive-liens" titre="Courriers liés">
        <Tableau
          id="archive-liens-table"
          legende="Courriers liés"
          vide="Aucun courrier lié."
          colonnes={['Courrier', 'Objet', 'Observation']}
          lignes={dossier.liens.map((lien) => [numeroDe(lien), t(lien['objet']), t(lien['observation'])])}
        />
      </Section>
    </>
  );
}

const cleDe = (value: string | undefined): number | undefined => {
  const cle = Number(value);
  return Number.isSafeInteger(cle) && cle > 0 ? cle : undefined;
};

async function dossierHandler(context: PageContext<Actor>): Promise<PageAnswer> {
  const cle = cleDe(context.params['id']);
  const dossier = cle === undefined ? undefined : await context.read((db) => lireDossier(db, cle));
  if (!dossier) throw RouteError.notFound(DOSSIER_MESSAGES.introuvable);
  return {
    title: `Dossier archivé — courrier ${dossier.numero}`,
    breadcrumb: [
      { label: 'Archives du courrier', href: '/courrier/courrier_archive' },
      { label: `Courrier ${dossier.numero}`, href: `/courrier/courrier_archive/${dossier.archive}` },
      { label: 'Dossier archivé' },
    ],
    body: <DossierArchivePage dossier={dossier} />,
  };
}

export const dossierArchivePage: AppPage = {
  app: 'courrier',
  path: 'archives/:id',
  permission: DROIT_CONSULTER_ARCHIVE,
  handler: dossierHandler,
};

async function documentHandler(context: ApiRouteContext<Actor>): Promise<RouteFile> {
  const cle = cleDe(context.params['id']);
  const fichier = context.params['fichier'] ?? '';
  const lu = cle === undefined ? undefined : await context.read((db) => documentArchive(db, context.fileStore, cle, fichier));
  if (!lu) throw RouteError.notFound(DOSSIER_MESSAGES.fichierIntrouvable);
  return new RouteFile(new Uint8Array(lu.octets), lu.type, lu.nom);
}

export const documentArchiveRoute: ApiRoute = {
  app: 'courrier',
  method: 'GET',
  path: 'archives/:id/documents/:fichier',
  permission: DROIT_CONSULTER_ARCHIVE,
  doc: { summary: 'Un document du dossier d’un courrier archivé (le fichier gardé à l’archivage).' },
  handler: documentHandler,
};

/** The work queues' tables: mails (« mon courrier », « courrier de mon service ») and tasks, with their pagination. */
import { dateFr } from '../taches/dates.ts';
import type { ComptesService, CourrierEnFile, Motif, Page, TacheEnFile } from './requetes.ts';

const MOTIFS: Readonly<Record<Motif, string>> = { referent: 'Référent', tache: 'Tâche à traiter', visa: 'Visa attendu' };
const PRIORITES: Readonly<Record<string, string>> = { basse: 'Basse', normale: 'Normale', haute: 'Haute', urgente: 'Urgente' };
const REGISTRES: Readonly<Record<string, string>> = { arrivee: 'Arrivée', depart: 'Départ' };

const nombre = new Intl.NumberFormat('fr-FR');

export const joursFr = (jours: number): string => (jours === 0 ? '—' : `${nombre.format(jours)} ${jours > 1 ? 'jours' : 'jour'}`);

/** « Page 2 sur 5 », précédente / suivante, keeping the other query parameters. */
export function Pagination(props: { page: Page<unknown>; adresse: (page: number) => string }) {
  const { page } = props;
  if (page.pages <= 1) return null;
  return (
    <nav class="listing-pagination" aria-label="Pagination">
      <ul>
        <li>{page.page > 1 ? <a href={props.adresse(page.page - 1)} rel="prev">Page précédente</a> : <span class="inactif">Page précédente</span>}</li>
        <li>
          Page {nombre.format(page.page)} sur {nombre.format(page.pages)}
        </li>
        <li>{page.page < page.pages ? <a href={props.adresse(page.page + 1)} rel="next">Page suivante</a> : <span class="inactif">Page suivante</span>}</li>
      </ul>
    </nav>
  );
}

export function TableCourriers(props: { id: string; legende: string; page: Page<CourrierEnFile>; colonne: 'motifs' | 'copie' }) {
  return (
    <table class="table" id={props.id}>
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Registre</th>
          <th scope="col">Date</th>
          <th scope="col">Correspondant</th>
          <th scope="col">Objet</th>
          <th scope="col">Service</th>
          <th scope="col">Priorité</th>
          <th scope="col">{props.colonne === 'motifs' ? 'Pourquoi' : 'Diffusion'}</th>
        </tr>
      </thead>
      <tbody>
        {props.page.lignes.map((c) => (
          <tr>
            <th scope="row">
              <a href={`/courrier/courrier/${c.courrier}`}>{c.numero}</a>
            </th>
            <td>{REGISTRES[c.registre] ?? c.registre}</td>
            <td>{dateFr(c.date)}</td>
            <td>{c.correspondant}</td>
            <td>
              {c.objet}
              {c.confidentiel ? ' (confidentiel)' : ''}
            </td>
            <td>{c.service}</td>
            <td>{PRIORITES[c.priorite] ?? c.priorite}</td>
            <td>{props.colonne === 'motifs' ? c.motifs.map((motif) => MOTIFS[motif]).join(', ') : c.enCopie ? 'Copie' : 'Traitement'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TableComptes(props: { comptes: readonly ComptesService[]; lien: (service: number) => string }) {
  const total = props.comptes.reduce((somme, c) => somme + c.nonSoldees, 0);
  const retard = props.comptes.reduce((somme, c) => somme + c.enRetard, 0);
  return (
    <table class="table" id="taches-par-service">
      <caption>Tâches non soldées par service</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Non soldées</th>
          <th scope="col">Dont en retard</th>
        </tr>
      </thead>
      <tbody>
        {props.comptes.map((c) => (
          <tr>
            <th scope="row">
              <a href={props.lien(c.service)}>{c.libelle}</a>
            </th>
            <td>{nombre.format(c.nonSoldees)}</td>
            <td>{nombre.format(c.enRetard)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>{nombre.format(total)}</td>
          <td>{nombre.format(retard)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function TableTaches(props: { id: string; legende: string; page: Page<TacheEnFile> }) {
  return (
    <table class="table" id={props.id}>
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">Tâche</th>
          <th scope="col">Courrier</th>
          <th scope="col">Service</th>
          <th scope="col">Agent</th>
          <th scope="col">Date butoir</th>
          <th scope="col">Retard</th>
        </tr>
      </thead>
      <tbody>
        {props.page.lignes.map((t) => (
          <tr>
            <th scope="row">
              <a href={`/courrier/tache/${t.tache}`}>{t.libelle}</a>
            </th>
            <td>
              <a href={`/courrier/courrier/${t.courrier}`}>{t.numero}</a>
            </td>
            <td>{t.service}</td>
            <td>{t.agent ?? '—'}</td>
            <td>{t.butoir ? dateFr(t.butoir) : '—'}</td>
            <td>{joursFr(t.retard)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The filter by service of the task screens: a GET form. */
export function FiltreService(props: { action: string; services: readonly { service: number; libelle: string }[]; choisi: number | undefined }) {
  return (
    <form method="get" action={props.action} class="formulaire">
      <div class="champ">
        <label for="filtre-service">Service</label>
        <select id="filtre-service" name="service">
          <option value="">Tous les services</option>
          {props.services.map((s) => (
            <option value={String(s.service)} selected={props.choisi === s.service}>
              {s.libelle}
            </option>
          ))}
        </select>
      </div>
      <div class="boutons">
        <button type="submit" class="bouton">Filtrer</button>
      </div>
    </form>
  );
}

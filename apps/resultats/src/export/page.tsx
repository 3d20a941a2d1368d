/** The page « Export vers la préfecture »: each election, its validated bureaux and the files to download (or why not). */
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { message } from './messages.ts';

export interface ElectionAExporter {
  readonly election: number;
  readonly libelle: string;
  /** `JJ/MM/AAAA`. */
  readonly date: string;
  readonly tour: number;
  readonly municipales: boolean;
  readonly comptes: number;
  readonly total: number;
  /** Why nothing can be sent yet (no INSEE code, no validated bureau), French. */
  readonly refus: string | undefined;
}

export const fichierBureauxHref = (election: number) => `/api/v1/resultats/export-prefecture/${election}`;
export const fichierSiegesHref = (election: number) => `/api/v1/resultats/export-prefecture/${election}/sieges`;

function Fichiers({ election, locale }: { election: ElectionAExporter; locale: Locale }) {
  if (election.refus !== undefined) return <p>{election.refus}</p>;
  return (
    <>
      <ul>
        <li>
          <a href={fichierBureauxHref(election.election)} download aria-label={message('page.resultatsDe', { libelle: election.libelle }, locale)}>
            {message('page.resultats', undefined, locale)}
          </a>
        </li>
        {election.municipales ? (
          <li>
            <a href={fichierSiegesHref(election.election)} download aria-label={message('page.siegesDe', { libelle: election.libelle }, locale)}>
              {message('page.sieges', undefined, locale)}
            </a>
          </li>
        ) : null}
      </ul>
      {election.comptes < election.total ? <p>{message('page.provisoire', { reste: election.total - election.comptes }, locale)}</p> : null}
    </>
  );
}

export function ExportPage({ elections, locale }: { elections: readonly ElectionAExporter[]; locale: Locale }) {
  return (
    <>
      <p>{message('page.intro', undefined, locale)}</p>
      {elections.length === 0 ? (
        <p>{message('page.aucune', undefined, locale)}</p>
      ) : (
        <table class="table">
          <caption>{message('page.legende', undefined, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{message('page.election', undefined, locale)}</th>
              <th scope="col">{message('page.date', undefined, locale)}</th>
              <th scope="col">{message('page.tour', undefined, locale)}</th>
              <th scope="col">{message('page.bureaux', undefined, locale)}</th>
              <th scope="col">{message('page.fichiers', undefined, locale)}</th>
            </tr>
          </thead>
          <tbody>
            {elections.map((election) => (
              <tr id={`election-${election.election}`}>
                <th scope="row">{election.libelle}</th>
                <td>{election.date}</td>
                <td>{election.tour}</td>
                <td>{message('page.bureauxValeur', { comptes: election.comptes, total: election.total }, locale)}</td>
                <td>
                  <Fichiers election={election} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

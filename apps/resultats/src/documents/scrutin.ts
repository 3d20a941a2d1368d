/** An election's header as the documents write it: type, date, round, progress, percentages. */
import { frenchNumber } from '../../../../framework/src/documents/render/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { TotauxElection } from '../totaux/index.ts';
import { message } from './messages.ts';

/** `45,23` (two decimals, French comma); `0,00` when the whole is 0. */
export function pourcentage(part: number, tout: number): string {
  return (tout > 0 ? (100 * part) / tout : 0).toFixed(2).replace('.', ',');
}

/** `2026-03-15` → `15/03/2026`. */
export function dateFrancaise(iso: string): string {
  const [annee, mois, jour] = iso.split('-');
  return `${jour}/${mois}/${annee}`;
}

/** True once every bureau of the election is validated (and there is at least one). */
export const toutValide = (totaux: TotauxElection): boolean => totaux.bureaux.total > 0 && totaux.bureaux.comptes === totaux.bureaux.total;

/** The merge fields every election document shares. */
export function enTete(totaux: TotauxElection, collectivite: string, locale: Locale | undefined): Record<string, string | number> {
  const { bureaux, election } = totaux;
  const avancement =
    bureaux.comptes === 0 ? 'aucun' : bureaux.comptes === bureaux.total ? 'definitif' : 'provisoire';
  return {
    collectivite,
    election: election.libelle,
    type_libelle: message(`type.${election.type}`, undefined, locale),
    date_scrutin: dateFrancaise(election.date_scrutin),
    tour_libelle: message(election.tour === 2 ? 'tour.second' : 'tour.premier', undefined, locale),
    avancement: message(`avancement.${avancement}`, { comptes: bureaux.comptes, total: bureaux.total }, locale),
    inscrits: totaux.inscrits,
    votants: totaux.votants,
    abstentions: Math.max(totaux.inscrits - totaux.votants, 0),
    participation: pourcentage(totaux.votants, totaux.inscrits),
    blancs: totaux.blancs,
    nuls: totaux.nuls,
    exprimes: totaux.exprimes,
    voix_detail: totaux.candidatures
      .map((candidature) =>
        message('voixLigne', { ordre: candidature.ordre, libelle: candidature.libelle, voix: frenchNumber(candidature.voix, 0), pourcentage: pourcentage(candidature.voix, totaux.exprimes) }, locale),
      )
      .join('\n'),
  };
}

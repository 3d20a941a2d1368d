/**
 * What an election's documents say of its outcome: the seats per list and the names elected
 * (municipales, through the seat allocation of src/sieges), or, for the other types, the candidate
 * elected or those admitted to the second round. Nothing is proclaimed while a bureau is not validated.
 */
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { frenchNumber } from '../../../../framework/src/documents/render/index.ts';
import type { RepartitionElection } from '../sieges/index.ts';
import type { CandidatureTotal, TotauxElection } from '../totaux/index.ts';
import { message } from './messages.ts';
import { toutValide } from './scrutin.ts';

export interface IssueDuScrutin {
  /** Empty without seats to show. */
  readonly sieges_titre: string;
  readonly sieges_detail: string;
  /** One line per list (or the names elected by majority). */
  readonly elus: string;
  /** The sentence of the proclamation. */
  readonly issue: string;
}

const nombre = (value: number) => frenchNumber(value, 0);
const guillemets = (candidatures: readonly CandidatureTotal[]) => candidatures.map((candidature) => candidature.libelle).join(', ');

/** The outcome of a list or majority vote, from the seat allocation. */
export function issueAvecSieges(totaux: TotauxElection, repartition: RepartitionElection, locale: Locale | undefined): IssueDuScrutin {
  const provisoire = !toutValide(totaux);
  const avecCommunautaires = (totaux.election.sieges_communautaires ?? 0) > 0;
  if (repartition.erreur !== null) {
    return { sieges_titre: message('sieges.titre', undefined, locale), sieges_detail: message('sieges.impossible', { raison: repartition.erreur }, locale), elus: '', issue: '' };
  }
  if (totaux.bureaux.comptes === 0) return { sieges_titre: '', sieges_detail: '', elus: '', issue: issueProvisoire(totaux, locale) };
  const titre = message(provisoire ? 'sieges.titreProvisoire' : 'sieges.titre', undefined, locale);
  const issueFinale = (texte: string) => (provisoire ? issueProvisoire(totaux, locale) : texte);
  if (repartition.mode === 'majoritaire') {
    const elus = repartition.candidatures.filter((candidature) => candidature.sieges > 0).map((candidature) => candidature.libelle);
    const lignes = [elus.length > 0 ? message('issue.majoritaireElus', { noms: elus.join(', ') }, locale) : ''];
    if (repartition.second_tour) lignes.push(message('issue.majoritaireSecondTour', { sieges: repartition.sieges_restants }, locale));
    return { sieges_titre: titre, sieges_detail: lignes.filter((ligne) => ligne !== '').join('\n'), elus: '', issue: issueFinale(lignes.filter((ligne) => ligne !== '').join('\n')) };
  }
  if (repartition.second_tour) {
    const texte = message('issue.secondTourListes', undefined, locale);
    return { sieges_titre: titre, sieges_detail: texte, elus: '', issue: issueFinale(texte) };
  }
  const detail = repartition.candidatures.map((candidature) =>
    avecCommunautaires
      ? message('sieges.ligneCommunautaire', { libelle: candidature.libelle, sieges: candidature.sieges, communautaires: candidature.sieges_communautaires }, locale)
      : message('sieges.ligne', { libelle: candidature.libelle, sieges: candidature.sieges }, locale),
  );
  if (repartition.sieges_restants > 0) detail.push(message('sieges.nonPourvus', { nombre: repartition.sieges_restants }, locale));
  const elus = repartition.candidatures.flatMap((candidature) => [
    ...(candidature.elus.length > 0 ? [message('sieges.elusListe', { libelle: candidature.libelle, noms: candidature.elus.join(', ') }, locale)] : []),
    ...(candidature.elus_communautaires.length > 0
      ? [message('sieges.elusCommunautaires', { libelle: candidature.libelle, noms: candidature.elus_communautaires.join(', ') }, locale)]
      : []),
  ]);
  return { sieges_titre: titre, sieges_detail: detail.join('\n'), elus: elus.join('\n'), issue: issueFinale(message('issue.elusListes', undefined, locale)) };
}

/** The outcome of a single-member or national vote, as far as the commune's figures tell it. */
export function issueSansSieges(totaux: TotauxElection, locale: Locale | undefined): IssueDuScrutin {
  const { election } = totaux;
  if (election.type === 'europeennes' || election.type === 'regionales') {
    return { sieges_titre: '', sieges_detail: '', elus: '', issue: toutValide(totaux) ? message('issue.proportionnelle', undefined, locale) : issueProvisoire(totaux, locale) };
  }
  // The commune's figures only: the commission de recensement proclaims for the whole circonscription.
  const issue = (texte: string): IssueDuScrutin => ({
    sieges_titre: '',
    sieges_detail: '',
    elus: '',
    issue: toutValide(totaux) ? `${message('issue.recensement', undefined, locale)}\n${texte}` : issueProvisoire(totaux, locale),
  });
  if (totaux.exprimes === 0) return issue(message('issue.sansVoix', undefined, locale));
  const parVoix = [...totaux.candidatures].sort((a, b) => b.voix - a.voix || a.ordre - b.ordre);
  const premier = parVoix[0];
  if (!premier) return issue(message('issue.sansVoix', undefined, locale));
  const enTete = parVoix.filter((candidature) => candidature.voix === premier.voix);
  if (election.tour === 2) {
    if (enTete.length > 1) return issue(message('issue.egalite', { noms: guillemets(enTete) }, locale));
    return issue(message('issue.eluSecondTour', { libelle: premier.libelle, voix: nombre(premier.voix) }, locale));
  }
  const majoriteAbsolue = premier.voix * 2 > totaux.exprimes;
  // L126 (législatives), L193 (départementales): also a quarter of the inscrits; the présidentielle asks the majority alone.
  const quart = election.type === 'presidentielle' || premier.voix * 4 >= totaux.inscrits;
  if (majoriteAbsolue && quart) return issue(message(election.type === 'presidentielle' ? 'issue.eluMajorite' : 'issue.elu', { libelle: premier.libelle }, locale));
  if (election.type === 'presidentielle') return issue(message('issue.presidentielleSecondTour', { noms: guillemets(parVoix.slice(0, 2)) }, locale));
  // L162, L210-1: 12,5 % of the inscrits, and the first two in any case.
  const admis = parVoix.filter((candidature, index) => index < 2 || candidature.voix * 8 >= totaux.inscrits);
  return issue(message('issue.secondTourSeuil', { noms: guillemets(admis) }, locale));
}

function issueProvisoire(totaux: TotauxElection, locale: Locale | undefined): string {
  return message('issue.provisoire', { comptes: totaux.bureaux.comptes, total: totaux.bureaux.total }, locale);
}

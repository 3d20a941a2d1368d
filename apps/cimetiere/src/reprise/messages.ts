/** Messages of the procédure de reprise (its delays and actions), French first. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('cimetiere_reprise', {
  trenteAns: 'La concession date du {date} : une procédure de reprise ne peut commencer qu’après trente ans d’existence, soit après le {limite} (CGCT L2223-17).',
  dixAns: 'La dernière inhumation date du {date} : la procédure ne peut commencer que dix ans après, soit après le {limite} (CGCT L2223-17).',
  etapeManquante: '{etape} suppose {avant} : saisissez d’abord sa date.',
  etapeAvant: '{etape} ({date}) ne peut précéder {avant} ({dateAvant}).',
  etapeTropTot: '{etape} ({date}) doit venir {delai}, soit le {minimum} au plus tôt (CGCT {texte}).',
  notificationTardive: 'La notification aux familles ({date}) est faite plus de huit jours après le premier constat ({constat}) : le délai de R2223-13 n’est pas tenu.',
  close: 'Cette procédure est close (abandonnée ou reprise prononcée) : ses dates ne se modifient plus.',
  dejaClose: 'Cette procédure est déjà close.',
  concessionAutre: 'Cette concession n’est pas celle de l’emplacement choisi.',
  dejaEnCours: 'Une procédure de reprise est déjà en cours sur cet emplacement.',
  nonSupprimable: 'Seule une procédure en cours, avant son second constat, se supprime : abandonnez-la ou prononcez la reprise.',
  motifCourt: 'Donnez le motif de l’abandon de la procédure (5 caractères au moins).',
  motifChamp: 'Donnez le motif (5 caractères au moins).',
  abandonnee: 'Procédure de reprise abandonnée : l’emplacement n’est plus en reprise.',
  avantArrete: 'La reprise se prononce après l’arrêté du maire : saisissez d’abord la date de l’arrêté.',
  prononcee: 'Reprise prononcée le {date} : le terrain revient à la commune. Faites la fin de concession (motif reprise) depuis l’emplacement pour porter les restes à l’ossuaire.',
  arreteSansDate: 'L’arrêté de reprise s’imprime une fois sa date saisie.',
});

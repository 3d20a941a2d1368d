/**
 * Messages of the background jobs (« traitements »): the runner's refusals and failures, the
 * « Mes traitements » page, the states, the cancel, the import's follow-up page for a job that did
 * not end normally, and the streamed upload's refusals. French and English, key for key.
 */
import { pluralOf } from '../locales.ts';
import type { Translation } from '../types.ts';

/** How far a job got, in what it counts. */
interface Counts {
  readonly done: number;
  readonly total: number;
}

const frPlural = pluralOf('fr');
const enPlural = pluralOf('en');
const frNumber = new Intl.NumberFormat('fr-FR');
const enNumber = new Intl.NumberFormat('en-GB');
/** « 1 document », « 500 documents », « 150 000 lignes ». */
const frCount = (n: number, one: string, other: string) => `${frNumber.format(n)} ${frPlural(n, { one, other })}`;
const enCount = (n: number, one: string, other: string) => `${enNumber.format(n)} ${enPlural(n, { one, other })}`;

export const traitementsFr = {
  menu: {
    label: 'Mes traitements',
  },
  runner: {
    failed: 'Le traitement s’est arrêté sur une erreur inattendue (référence {reference}). Transmettez cette référence à votre administrateur.',
    tooMany: 'Vous avez déjà {max} traitements en cours : attendez qu’un d’eux se termine avant d’en lancer un autre.',
  },
  states: {
    en_attente: 'En attente',
    en_cours: 'En cours',
    termine: 'Terminé',
    echoue: 'Échoué',
    interrompu: 'Interrompu',
    annule: 'Annulé',
  },
  kinds: {
    import: 'Import « {label} »',
    other: 'Traitement « {kind} »',
  },
  list: {
    title: 'Mes traitements',
    intro: 'Les traitements que vous avez lancés (imports…), du plus récent au plus ancien. Leurs fichiers résultats sont conservés {days} jour(s).',
    introAll: 'Les traitements lancés dans votre collectivité (imports…), du plus récent au plus ancien. Leurs fichiers résultats sont conservés {days} jour(s).',
    caption: 'Traitements, du plus récent au plus ancien',
    none: 'Aucun traitement pour le moment. Un import lancé depuis « Administration › Import » apparaîtra ici.',
    kind: 'Traitement',
    file: 'Fichier',
    owner: 'Lancé par',
    state: 'État',
    progress: 'Avancement',
    created: 'Lancé le',
    finished: 'Terminé le',
    actions: 'Actions',
    open: 'Voir le suivi',
    openLabel: 'Voir le suivi de « {name} »',
    progressLabel: 'Avancement de « {name} »',
    count: '{done} sur {total}',
    doneOnly: '{done} traité(s)',
    stoppedAt: 'Arrêté après {done} sur {total}',
    stoppedAtNoTotal: 'Arrêté après {done}',
    /** The same, saying what is counted, for the kinds whose progress counts something users name. */
    documents: {
      count: ({ done, total }: Counts) => `${frCount(done, 'document', 'documents')} sur ${frNumber.format(total)}`,
      doneOnly: ({ done }: Pick<Counts, 'done'>) => frCount(done, 'document imprimé', 'documents imprimés'),
      stoppedAt: ({ done, total }: Counts) => `Arrêté après ${frCount(done, 'document', 'documents')} sur ${frNumber.format(total)}`,
      stoppedAtNoTotal: ({ done }: Pick<Counts, 'done'>) => `Arrêté après ${frCount(done, 'document', 'documents')}`,
    },
    lines: {
      count: ({ done, total }: Counts) => `${frCount(done, 'ligne', 'lignes')} sur ${frNumber.format(total)}`,
      doneOnly: ({ done }: Pick<Counts, 'done'>) => frCount(done, 'ligne lue', 'lignes lues'),
      stoppedAt: ({ done, total }: Counts) => `Arrêté après ${frCount(done, 'ligne', 'lignes')} sur ${frNumber.format(total)}`,
      stoppedAtNoTotal: ({ done }: Pick<Counts, 'done'>) => `Arrêté après ${frCount(done, 'ligne', 'lignes')}`,
    },
    cancel: 'Annuler',
    cancelLabel: 'Annuler « {name} »',
    download: 'Télécharger {file}',
    filesDeleted: 'Fichier supprimé',
    refresh: 'Actualiser',
    refreshHelp: 'Les traitements en cours se mettent à jour tout seuls ; sinon, utilisez « Actualiser ».',
    pagination: 'Pages des traitements',
    previous: 'Page précédente',
    next: 'Page suivante',
    pageOf: 'Page {page} sur {pages}',
  },
  cancel: {
    done: 'Le traitement est annulé : il s’arrête dès que possible.',
    notRunning: 'Ce traitement est déjà terminé : il ne peut plus être annulé.',
  },
  follow: {
    waiting: 'L’import va commencer…',
    cancel: 'Annuler l’import',
    cancelHelp: 'Les lignes déjà enregistrées le restent en mode « ignorer les lignes en erreur » ; rien n’est enregistré en mode « tout ou rien ».',
    interrupted: 'L’import a été interrompu (arrêt du serveur ou du programme) après {done} ligne(s) lue(s) sur {total}.',
    interruptedNoTotal: 'L’import a été interrompu (arrêt du serveur ou du programme) avant d’avoir compté les lignes.',
    cancelled: 'L’import a été annulé après {done} ligne(s) lue(s) sur {total}.',
    cancelledNoTotal: 'L’import a été annulé avant d’avoir compté les lignes.',
    summaryCaption: 'Où en était l’import',
    written: 'Lignes créées',
    updated: 'Lignes mises à jour',
    ranges: 'Lignes du fichier enregistrées (sauf les rejetées)',
    range: ({ first, last }: { first: number; last: number }) => (first === last ? `ligne ${first}` : `lignes ${first} à ${last}`),
    lastLine: 'Dernière ligne traitée',
    rejected: 'Lignes rejetées',
    noneWritten: 'Aucune ligne n’a été enregistrée.',
    filesDeleted: 'Le fichier des lignes rejetées a été supprimé (durée de conservation dépassée).',
  },
  upload: {
    tooLarge:
      'Le fichier « {name} » dépasse la taille maximale de {max} pour un import. Découpez-le en plusieurs fichiers, ou demandez à votre administrateur de relever la limite.',
    unreadable: 'Le formulaire envoyé est incomplet ou illisible : choisissez à nouveau le fichier, puis cliquez sur « Importer ».',
  },
} as const;

export const traitementsEn: Translation<typeof traitementsFr> = {
  menu: {
    label: 'My treatments',
  },
  runner: {
    failed: 'The treatment stopped on an unexpected error (reference {reference}). Give this reference to your administrator.',
    tooMany: 'You already have {max} treatments running: wait for one of them to finish before starting another.',
  },
  states: {
    en_attente: 'Waiting',
    en_cours: 'Running',
    termine: 'Finished',
    echoue: 'Failed',
    interrompu: 'Interrupted',
    annule: 'Cancelled',
  },
  kinds: {
    import: 'Import “{label}”',
    other: 'Treatment “{kind}”',
  },
  list: {
    title: 'My treatments',
    intro: 'The treatments you started (imports…), most recent first. Their result files are kept {days} day(s).',
    introAll: 'The treatments started in your collectivité (imports…), most recent first. Their result files are kept {days} day(s).',
    caption: 'Treatments, most recent first',
    none: 'No treatment yet. An import started from “Administration › Import” will appear here.',
    kind: 'Treatment',
    file: 'File',
    owner: 'Started by',
    state: 'State',
    progress: 'Progress',
    created: 'Started on',
    finished: 'Finished on',
    actions: 'Actions',
    open: 'Follow',
    openLabel: 'Follow “{name}”',
    progressLabel: 'Progress of “{name}”',
    count: '{done} of {total}',
    doneOnly: '{done} done',
    stoppedAt: 'Stopped after {done} of {total}',
    stoppedAtNoTotal: 'Stopped after {done}',
    documents: {
      count: ({ done, total }: Counts) => `${enCount(done, 'document', 'documents')} of ${enNumber.format(total)}`,
      doneOnly: ({ done }: Pick<Counts, 'done'>) => enCount(done, 'document printed', 'documents printed'),
      stoppedAt: ({ done, total }: Counts) => `Stopped after ${enCount(done, 'document', 'documents')} of ${enNumber.format(total)}`,
      stoppedAtNoTotal: ({ done }: Pick<Counts, 'done'>) => `Stopped after ${enCount(done, 'document', 'documents')}`,
    },
    lines: {
      count: ({ done, total }: Counts) => `${enCount(done, 'line', 'lines')} of ${enNumber.format(total)}`,
      doneOnly: ({ done }: Pick<Counts, 'done'>) => enCount(done, 'line read', 'lines read'),
      stoppedAt: ({ done, total }: Counts) => `Stopped after ${enCount(done, 'line', 'lines')} of ${enNumber.format(total)}`,
      stoppedAtNoTotal: ({ done }: Pick<Counts, 'done'>) => `Stopped after ${enCount(done, 'line', 'lines')}`,
    },
    cancel: 'Cancel',
    cancelLabel: 'Cancel “{name}”',
    download: 'Download {file}',
    filesDeleted: 'File deleted',
    refresh: 'Refresh',
    refreshHelp: 'Running treatments update by themselves; otherwise, use “Refresh”.',
    pagination: 'Pages of treatments',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page} of {pages}',
  },
  cancel: {
    done: 'The treatment is cancelled: it stops as soon as possible.',
    notRunning: 'This treatment is already over: it can no longer be cancelled.',
  },
  follow: {
    waiting: 'The import is about to start…',
    cancel: 'Cancel the import',
    cancelHelp: 'Lines already saved stay saved in “skip lines in error” mode; nothing is saved in “all or nothing” mode.',
    interrupted: 'The import was interrupted (server or program stopped) after reading {done} line(s) of {total}.',
    interruptedNoTotal: 'The import was interrupted (server or program stopped) before counting the lines.',
    cancelled: 'The import was cancelled after reading {done} line(s) of {total}.',
    cancelledNoTotal: 'The import was cancelled before counting the lines.',
    summaryCaption: 'How far the import got',
    written: 'Lines created',
    updated: 'Lines updated',
    ranges: 'Lines of the file saved (except the rejected ones)',
    range: ({ first, last }: { first: number; last: number }) => (first === last ? `line ${first}` : `lines ${first} to ${last}`),
    lastLine: 'Last line processed',
    rejected: 'Lines rejected',
    noneWritten: 'No line was saved.',
    filesDeleted: 'The file of rejected lines was deleted (retention period over).',
  },
  upload: {
    tooLarge: 'The file “{name}” is larger than the {max} allowed for an import. Split it into several files, or ask your administrator to raise the limit.',
    unreadable: 'The form sent is incomplete or unreadable: choose the file again, then click “Import”.',
  },
};

/**
 * A mail of the arrival or departure register (src/enregistrement): numbered on create by the
 * register of its year, never renumbered; its dates, référent and reply checked; copies to the
 * élus, the reply task and the scan of the dossier written with it; « Répondre » and « Fil du
 * courrier » on its page.
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { actionsDepart } from '../depart/actions.ts';
import { verifierDepartModifiable } from '../depart/verrou.ts';
import { courrierDocuments } from '../editions/documents.ts';
import { apresEcriture } from '../enregistrement/apres.ts';
import { civilites, textesDeLaBible, typesDeCorrespondant } from '../enregistrement/choix.ts';
import { repondreLink } from '../enregistrement/liens.ts';
import { CHAMPS_NOUVEAU, ENTREES_NOUVEAU, NOUVEAU_CIVILITE, NOUVEAU_FREQUENT, NOUVEAU_TYPE } from '../enregistrement/nouveau-correspondant.ts';
import { ENTREE_BIBLE, preparerCourrier } from '../enregistrement/preparation.ts';
import { reglesDuCourrier } from '../enregistrement/regles.ts';
import { ENTREE_SCAN, scansEnAttente } from '../enregistrement/scan.ts';
import { filLink } from '../fil/lien.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from './menu.ts';

const LIBELLES_NOUVEAU = Object.fromEntries(Object.entries(CHAMPS_NOUVEAU).map(([entree, [, label]]) => [entree, `${label} du nouveau correspondant`]));

export const courrier: ObjectOverride = {
  searchColumns: ['numero', 'objet', 'observation'],
  defaultSort: ['-cree_le', '-courrier'],
  readOnlyFields: ['numero', 'rang', 'etat', 'envoye_le', 'envoye_a', 'cree_le', 'cree_par', 'libelle'],
  extraInputs: [...ENTREES_NOUVEAU, ENTREE_BIBLE, ENTREE_SCAN],
  prepare: preparerCourrier,
  validate: reglesDuCourrier,
  beforeWrite: verifierDepartModifiable,
  afterWrite: apresEcriture,
  actions: { ...actionsDepart },
  links: [repondreLink, filLink],
  documents: courrierDocuments,
  screens: {
    menu: applicationMenu(RUBRIQUES_COURRIER.courrier, 10, 'Recherche courrier'),
    listColumns: ['numero', 'registre', 'date_arrivee', 'date_depart', 'correspondant', 'objet', 'service', 'priorite', 'etat'],
    advancedSearch: [
      { field: 'registre' },
      { field: 'numero' },
      { field: 'date_arrivee' },
      { field: 'date_courrier' },
      { field: 'date_signature' },
      { field: 'date_depart' },
      { field: 'correspondant' },
      { field: 'objet' },
      { field: 'service' },
      { field: 'categorie' },
      { field: 'nature' },
      { field: 'priorite' },
      { field: 'confidentiel' },
      { field: 'etat' },
    ],
    choices: {
      registre: [
        { value: 'arrivee', label: 'Arrivée' },
        { value: 'depart', label: 'Départ' },
      ],
      priorite: [
        { value: 'basse', label: 'Basse' },
        { value: 'normale', label: 'Normale' },
        { value: 'haute', label: 'Haute' },
        { value: 'urgente', label: 'Urgente' },
      ],
      etat: [
        { value: 'enregistre', label: 'Enregistré' },
        { value: 'projet', label: 'Projet' },
        { value: 'en_visa', label: 'En visa' },
        { value: 'refuse', label: 'Refusé' },
        { value: 'vise', label: 'Visé' },
        { value: 'parti', label: 'Parti' },
      ],
    },
    choiceFilters: { correspondant: { frequent: 'true' } },
    dynamicChoices: {
      [ENTREE_BIBLE]: textesDeLaBible,
      [NOUVEAU_CIVILITE]: civilites,
      [NOUVEAU_TYPE]: typesDeCorrespondant,
      [ENTREE_SCAN]: scansEnAttente,
    },
    widgets: {
      objet: 'textarea',
      observation: 'textarea',
      [ENTREE_BIBLE]: 'select',
      [NOUVEAU_CIVILITE]: 'select',
      [NOUVEAU_TYPE]: 'select',
      [NOUVEAU_FREQUENT]: 'checkbox',
      nouveau_courriel: 'email',
      [ENTREE_SCAN]: 'select',
    },
    extraFields: [
      ...ENTREES_NOUVEAU.map((name) => ({ name, whenEditing: false })),
      { name: ENTREE_BIBLE },
      { name: ENTREE_SCAN, whenEditing: false },
    ],
    labels: {
      date_arrivee: 'Arrivé le',
      date_courrier: 'Daté du',
      date_signature: 'Signé le',
      date_depart: 'Parti le',
      reponse_a: 'En réponse au courrier',
      [NOUVEAU_CIVILITE]: 'Civilité du nouveau correspondant',
      ...LIBELLES_NOUVEAU,
      [NOUVEAU_TYPE]: 'Type du nouveau correspondant',
      [NOUVEAU_FREQUENT]: 'Enregistrer comme correspondant fréquent',
      [ENTREE_BIBLE]: 'Texte de la bible',
      [ENTREE_SCAN]: 'Scan en attente',
    },
    help: {
      numero: 'Donné à l’enregistrement par le registre de l’année ; il ne change plus.',
      date_arrivee: 'Courrier arrivé : obligatoire, pas dans le futur.',
      date_courrier: 'Courrier arrivé : obligatoire, au plus tard le jour de l’arrivée.',
      date_signature: 'Courrier de départ : l’année de la signature (à défaut du départ) donne celle du numéro.',
      correspondant: 'Les correspondants fréquents ; pour un autre, remplissez le bloc « Nouveau correspondant ».',
      nouveau_nom: 'Un correspondant de même nom, prénom, adresse et code postal (sans casse ni accents) est refusé : choisissez-le dans la liste.',
      [ENTREE_BIBLE]: 'Le texte choisi est ajouté à l’objet.',
      referent: 'Un agent du service de traitement ou d’un de ses sous-services.',
      confidentiel: 'Lu seulement par son service, son référent et son circuit de visa.',
      [ENTREE_SCAN]: 'Le plus ancien de vos scans en attente est proposé ; il est tamponné du numéro et de la date puis rangé au dossier.',
    },
    formLayout: [
      { legend: 'Registre', fields: ['registre', 'numero', 'nature', 'priorite', 'confidentiel', 'etat'], columns: 3 },
      { legend: 'Dates', fields: ['date_arrivee', 'date_courrier', 'date_signature', 'date_depart'], columns: 2 },
      { legend: 'Correspondant', fields: ['correspondant'] },
      { legend: 'Nouveau correspondant', fields: ENTREES_NOUVEAU, columns: 2, collapsible: true },
      { legend: 'Objet', fields: ['objet', ENTREE_BIBLE, 'categorie', 'reponse_souhaitee'], columns: 2 },
      { legend: 'Traitement', fields: ['service', 'referent'], columns: 2 },
      { legend: 'Scan', fields: [ENTREE_SCAN] },
      { legend: 'Suite', fields: ['reponse_a', 'observation'] },
      { legend: 'Enregistrement', fields: ['rang', 'cree_le', 'cree_par', 'envoye_le', 'envoye_a'], columns: 2 },
      { legend: 'Désignation', fields: ['libelle'] },
    ],
    subForms: {
      order: ['document', 'copie', 'tache', 'courrier_lien', 'visa'],
      titles: { document: 'Dossier', copie: 'Copies', tache: 'Tâches', courrier_lien: 'Courriers liés', visa: 'Circuit de visa' },
    },
  },
};

/**
 * openMairie naming conventions, as pure functions over column metadata: which column names a
 * row, which one ties it to a collectivité, which ones date its validity, what the simple search
 * looks in, and the French labels derived from identifiers.
 */
import type { FieldKind } from './types.ts';

/** The part of a column the conventions look at. */
export interface ColumnInfo {
  readonly name: string;
  readonly kind: FieldKind;
  readonly pgType: string;
}

export const TENANT_COLUMN = 'om_collectivite';
export const VALIDITY_START = 'om_validite_debut';
export const VALIDITY_END = 'om_validite_fin';

const LABEL_CANDIDATES = ['nom', 'name', 'label', 'titre', 'code', 'intitule'];
/** Text columns searched besides the label column: enough to find a row, not a full-text index. */
const MAX_SEARCH_TEXT_COLUMNS = 5;
/** Secrets must never be matched by a search, even by their hash. */
const SECRET_COLUMN = /(^|_)(pwd|password|mot_de_passe|mdp|empreinte|hash|token|secret|salt)($|_)/;

const isText = (column: ColumnInfo) => column.kind === 'text';

/** `libelle`, else a usual naming column, else the first text column other than the key, else the key. */
export function labelColumn(columns: readonly ColumnInfo[], key: string | null): string {
  if (columns.some((column) => column.name === 'libelle')) return 'libelle';
  for (const candidate of LABEL_CANDIDATES) {
    if (columns.some((column) => column.name === candidate && isText(column))) return candidate;
  }
  const text = columns.find((column) => isText(column) && column.name !== key && !SECRET_COLUMN.test(column.name));
  return text?.name ?? key ?? columns[0]?.name ?? '';
}

/** `om_collectivite` when present (in `om_collectivite` itself it is the key, which is intended). */
export function tenantColumn(columns: readonly ColumnInfo[]): string | null {
  return columns.some((column) => column.name === TENANT_COLUMN) ? TENANT_COLUMN : null;
}

export function validity(columns: readonly ColumnInfo[]): { start: string; end: string } | null {
  const names = new Set(columns.map((column) => column.name));
  return names.has(VALIDITY_START) && names.has(VALIDITY_END) ? { start: VALIDITY_START, end: VALIDITY_END } : null;
}

/**
 * The label column, then other short text columns (a `text` column holds documents or HTML,
 * not something one searches by), then the key.
 */
export function searchColumns(columns: readonly ColumnInfo[], label: string, key: string | null): string[] {
  const result: string[] = [];
  const labelInfo = columns.find((column) => column.name === label);
  if (labelInfo && isText(labelInfo)) result.push(label);
  for (const column of columns) {
    if (result.length >= MAX_SEARCH_TEXT_COLUMNS) break;
    if (!isText(column) || column.pgType === 'text' || result.includes(column.name)) continue;
    if (column.name === key || SECRET_COLUMN.test(column.name)) continue;
    result.push(column.name);
  }
  if (key && !result.includes(key)) result.push(key);
  return result;
}

export function defaultSort(label: string): string[] {
  return label ? [label] : [];
}

// ---- French labels --------------------------------------------------------------------------

/** Whole identifiers whose label is not the sum of their words. */
const WHOLE_NAMES: Readonly<Record<string, string>> = {
  om_validite_debut: 'début de validité',
  om_validite_fin: 'fin de validité',
  om_sql: 'requête',
  om_type: 'type',
  pwd: 'mot de passe',
  api_token: 'jeton d’API',
  cree_le: 'créé le',
  cree_par: 'créé par',
  modifie_le: 'modifié le',
  modifie_par: 'modifié par',
  created_at: 'créé le',
  updated_at: 'modifié le',
  code_postal: 'code postal',
  type_mime: 'type MIME',
};

/** Words whose accents or spelling identifiers lose. */
const WORDS: Readonly<Record<string, string>> = {
  acces: 'accès',
  activite: 'activité',
  adresse: 'adresse',
  allee: 'allée',
  annee: 'année',
  apres: 'après',
  arrete: 'arrêté',
  batiment: 'bâtiment',
  beneficiaire: 'bénéficiaire',
  caracteristique: 'caractéristique',
  carre: 'carré',
  categorie: 'catégorie',
  cimetiere: 'cimetière',
  cle: 'clé',
  cloture: 'clôture',
  collectivite: 'collectivité',
  complement: 'complément',
  controle: 'contrôle',
  coordonnees: 'coordonnées',
  cree: 'créé',
  creee: 'créée',
  creation: 'création',
  date: 'date',
  debut: 'début',
  deces: 'décès',
  decision: 'décision',
  defunt: 'défunt',
  delai: 'délai',
  deliberation: 'délibération',
  departement: 'département',
  depot: 'dépôt',
  derniere: 'dernière',
  dernier: 'dernier',
  destinataire: 'destinataire',
  detail: 'détail',
  donnees: 'données',
  duree: 'durée',
  echeance: 'échéance',
  echeancier: 'échéancier',
  ecole: 'école',
  edition: 'édition',
  election: 'élection',
  electeur: 'électeur',
  electeurs: 'électeurs',
  electoral: 'électoral',
  electorale: 'électorale',
  element: 'élément',
  elu: 'élu',
  email: 'courriel',
  entete: 'en-tête',
  entite: 'entité',
  epouse: 'épouse',
  epoux: 'époux',
  etablissement: 'établissement',
  etage: 'étage',
  etape: 'étape',
  etat: 'état',
  etiquette: 'étiquette',
  evenement: 'événement',
  expediteur: 'expéditeur',
  dashboard: 'tableau de bord',
  frequence: 'fréquence',
  general: 'général',
  generale: 'générale',
  genere: 'généré',
  geom: 'géométrie',
  geometrie: 'géométrie',
  hierarchie: 'hiérarchie',
  horodatage: 'horodatage',
  id: 'identifiant',
  identite: 'identité',
  insee: 'INSEE',
  intitule: 'intitulé',
  label: 'libellé',
  lettretype: 'lettre type',
  libelle: 'libellé',
  login: 'identifiant',
  methode: 'méthode',
  metre: 'mètre',
  mere: 'mère',
  modele: 'modèle',
  modifie: 'modifié',
  name: 'nom',
  nationalite: 'nationalité',
  numerique: 'numérique',
  numero: 'numéro',
  operateur: 'opérateur',
  operation: 'opération',
  parametre: 'paramètre',
  password: 'mot de passe',
  pere: 'père',
  periode: 'période',
  piece: 'pièce',
  prefixe: 'préfixe',
  premiere: 'première',
  prenom: 'prénom',
  president: 'président',
  qualite: 'qualité',
  reception: 'réception',
  reference: 'référence',
  region: 'région',
  reglement: 'règlement',
  requete: 'requête',
  resolution: 'résolution',
  reponse: 'réponse',
  resultat: 'résultat',
  reussi: 'réussi',
  revoque: 'révoqué',
  role: 'rôle',
  seance: 'séance',
  secretaire: 'secrétaire',
  securite: 'sécurité',
  sepulture: 'sépulture',
  siret: 'SIRET',
  societe: 'société',
  sousetat: 'sous-état',
  systeme: 'système',
  tache: 'tâche',
  telephone: 'téléphone',
  tente: 'tenté',
  token: 'jeton',
  url: 'URL',
  utilise: 'utilisé',
  validite: 'validité',
  verification: 'vérification',
};

/** Nouns followed by their complement: « date naissance » reads « date de naissance ». */
const TAKES_DE = new Set(['date', 'lieu', 'heure', 'nombre', 'numero', 'mode', 'type', 'motif', 'jour', 'mois']);
/** Words after those nouns that are adjectives or already a complement, not a noun needing « de ». */
const NO_DE_AFTER = new Set(['limite', 'postal', 'tz', 'utc', 'courant', 'courante', 'de', 'du', 'des', 'd', 'le', 'la', 'les', 'mime']);

// « h » is left out: « de hauteur » is right where « d’hauteur » is not, and the reverse is rarer.
const vowelStart = (word: string) => /^[aeiouyàâéèêëîïôûü]/i.test(word);

/** Drops the framework prefix and the rich-text suffixes, which say how, not what. */
function stripConventions(name: string): string {
  return name.replace(/^om_/, '').replace(/_om_html(etatex|etat)?$/, '') || name;
}

function translate(words: string[]): string[] {
  const output: string[] = [];
  words.forEach((word, index) => {
    output.push(WORDS[word] ?? word);
    const next = words[index + 1];
    if (next !== undefined && TAKES_DE.has(word) && !NO_DE_AFTER.has(next)) {
      const translated = WORDS[next] ?? next;
      output.push(vowelStart(translated) ? 'd’' : 'de');
    }
  });
  return output;
}

const capitalise = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('fr') + text.slice(1) : text);

/** « date_naissance » → « Date de naissance », « om_collectivite » → « Collectivité ». */
export function frenchLabel(name: string): string {
  const lower = name.toLowerCase();
  const whole = WHOLE_NAMES[lower] ?? WHOLE_NAMES[stripConventions(lower)];
  if (whole) return capitalise(whole);
  const words = stripConventions(lower)
    .split(/[_\s-]+/)
    .filter((word) => word.length > 0);
  const text = translate(words)
    .join(' ')
    .replace(/d’ /g, 'd’');
  return capitalise(text || name);
}

/** « om_utilisateur » → « Utilisateur ». */
export function tableLabel(name: string): string {
  return frenchLabel(name);
}

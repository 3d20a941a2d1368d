import { geometryErrors, type SheetGeometry } from '../documents/labels/index.ts';
import { t } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride, WriteContext } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { objetChoices } from '../documents/objet.ts';
import { validateObjet } from './document-template-choices.ts';
import { editionsMenu } from './editions.ts';

/** The table's defaults (migration 0015), for a check of a write that leaves some out. */
const DEFAULTS: SheetGeometry = {
  format: 'A4',
  orientation: 'P',
  colonnes: 3,
  lignes: 8,
  largeur: 70,
  hauteur: 37,
  marge_haut: 0,
  marge_gauche: 0,
  espace_horizontal: 0,
  espace_vertical: 0,
};

/** The labels fit the sheet; a barcode has a value. */
function validateSheet(context: WriteContext): FieldErrors {
  const values = { ...(context.previous ?? {}), ...context.values };
  const number = (name: keyof SheetGeometry) => {
    const value = Number(values[name] ?? DEFAULTS[name]);
    return Number.isFinite(value) ? value : Number(DEFAULTS[name]);
  };
  const sheet: SheetGeometry = {
    format: String(values['format'] ?? DEFAULTS.format),
    orientation: String(values['orientation'] ?? DEFAULTS.orientation),
    colonnes: number('colonnes'),
    lignes: number('lignes'),
    largeur: number('largeur'),
    hauteur: number('hauteur'),
    marge_haut: number('marge_haut'),
    marge_gauche: number('marge_gauche'),
    espace_horizontal: number('espace_horizontal'),
    espace_vertical: number('espace_vertical'),
  };
  const errors: FieldErrors = geometryErrors(sheet, context.locale);
  const kind = values['code_barre'];
  const value = values['code_barre_valeur'];
  if (typeof kind === 'string' && kind !== '' && (typeof value !== 'string' || value.trim() === '')) {
    errors['code_barre_valeur'] = t('labels.geometry.barcodeValue', undefined, context.locale);
  }
  return errors;
}

/** « Étiquettes »: a sheet of labels printed from a listing's search, one label per record. */
export function omEtiquette(registry: Registry): ObjectOverride {
  const checkObjet = validateObjet(registry);
  return {
    defaultSort: ['libelle'],
    searchColumns: ['libelle', 'id', 'objet'],
    validate: (context) => ({ ...checkObjet(context), ...validateSheet(context) }),
    screens: {
      menu: editionsMenu(25, t('labels.menu')),
      listColumns: ['id', 'libelle', 'objet', 'actif', 'om_collectivite'],
      advancedSearch: [{ field: 'libelle' }, { field: 'objet' }, { field: 'actif' }, { field: 'om_collectivite' }],
      widgets: { format: 'select', orientation: 'select', contenu: 'textarea', code_barre: 'select', code_barre_position: 'select' },
      choices: {
        format: ['A3', 'A4', 'A5', 'LETTER'].map((value) => ({ value, label: value })),
        orientation: [
          { value: 'P', label: t('labels.fields.portrait') },
          { value: 'L', label: t('labels.fields.landscape') },
        ],
        code_barre: [
          { value: 'code128', label: 'Code 128' },
          { value: 'qrcode', label: 'QR code' },
          { value: 'datamatrix', label: 'DataMatrix' },
        ],
        code_barre_position: [
          { value: 'droite', label: t('labels.fields.right') },
          { value: 'bas', label: t('labels.fields.bottom') },
        ],
      },
      dynamicChoices: { objet: (context) => Promise.resolve(objetChoices(registry, context.applicationTitle)) },
      formLayout: [
        { legend: t('labels.fields.legendIdentification'), fields: ['id', 'libelle', 'actif', 'objet', 'om_collectivite'], columns: 2 },
        {
          legend: t('labels.fields.legendSheet'),
          fields: ['format', 'orientation', 'colonnes', 'lignes', 'largeur', 'hauteur', 'marge_haut', 'marge_gauche', 'espace_horizontal', 'espace_vertical'],
          columns: 2,
        },
        { legend: t('labels.fields.legendContent'), fields: ['contenu', 'police_taille', 'marge_interieure'] },
        { legend: t('labels.fields.legendBarcode'), fields: ['code_barre', 'code_barre_valeur', 'code_barre_position'], columns: 3, collapsible: true },
      ],
      help: {
        id: t('admin.editions.helpCode'),
        objet: t('labels.fields.helpObjet'),
        contenu: t('labels.fields.helpContenu'),
        largeur: t('labels.fields.helpGeometry'),
        code_barre_valeur: t('labels.fields.helpCodeBarreValeur'),
      },
    },
  };
}

/** Messages of the label sheets (« Étiquettes »): their form, their checks and their printing. French and English, key for key. */
import type { Translation } from '../types.ts';

export const labelsFr = {
  menu: 'Étiquettes',
  geometry: {
    tooWide: 'Les étiquettes dépassent la largeur de la feuille : marge de gauche, colonnes et espaces font {used} mm pour {sheet} mm. Réduisez la largeur, le nombre de colonnes ou les espaces.',
    tooHigh: 'Les étiquettes dépassent la hauteur de la feuille : marge du haut, lignes et espaces font {used} mm pour {sheet} mm. Réduisez la hauteur, le nombre de lignes ou les espaces.',
    barcodeValue: 'Indiquez la valeur du code-barres, par exemple [identifiant].',
  },
  fields: {
    portrait: 'Portrait',
    landscape: 'Paysage',
    right: 'À droite du texte',
    bottom: 'Sous le texte',
    legendIdentification: 'Identification',
    legendSheet: 'Feuille',
    legendContent: 'Contenu',
    legendBarcode: 'Code-barres',
    helpContenu: 'Une ligne par ligne de l’étiquette. Les champs de l’objet s’écrivent entre crochets : [nom], [adresse]. Une ligne dont les champs sont tous vides n’est pas imprimée. Un texte trop long est réduit, puis coupé.',
    helpObjet: 'L’objet dont la liste propose ces étiquettes (application.table).',
    helpCodeBarreValeur: 'Le texte codé, avec des champs de fusion : [identifiant].',
    helpGeometry: 'En millimètres. Les étiquettes (marges, colonnes, lignes et espaces) doivent tenir dans la feuille.',
  },
  print: {
    link: 'Étiquettes « {document} »',
    linkTitle: 'Imprimer les étiquettes « {document} » des enregistrements de la recherche en cours',
    title: 'Étiquettes « {document} »',
    startFurther: 'Feuille entamée',
    start: 'Première place libre (1 à {max}, ligne par ligne)',
    startSubmit: 'Imprimer à partir de cette place',
    badStart: 'La position de départ doit être un nombre entier entre 1 et {max} (le nombre d’étiquettes d’une feuille).',
    tooMany: 'Cette recherche compte plus de {max} enregistrements : affinez-la pour imprimer ses étiquettes.',
    unknownSheet: 'Cette planche d’étiquettes n’existe pas ou n’est pas active pour votre collectivité.',
    otherObject: 'Cette planche d’étiquettes n’imprime pas les enregistrements de cet objet.',
  },
};

export const labelsEn: Translation<typeof labelsFr> = {
  menu: 'Labels',
  geometry: {
    tooWide: 'The labels overflow the sheet’s width: left margin, columns and gaps make {used} mm for {sheet} mm. Reduce the width, the number of columns or the gaps.',
    tooHigh: 'The labels overflow the sheet’s height: top margin, rows and gaps make {used} mm for {sheet} mm. Reduce the height, the number of rows or the gaps.',
    barcodeValue: 'Give the barcode’s value, for example [identifier].',
  },
  fields: {
    portrait: 'Portrait',
    landscape: 'Landscape',
    right: 'Right of the text',
    bottom: 'Below the text',
    legendIdentification: 'Identification',
    legendSheet: 'Sheet',
    legendContent: 'Content',
    legendBarcode: 'Barcode',
    helpContenu: 'One line per line of the label. The object’s fields are written in brackets: [nom], [adresse]. A line whose fields are all empty is not printed. Text too long is shrunk, then cut.',
    helpObjet: 'The object whose listing offers these labels (application.table).',
    helpCodeBarreValeur: 'The encoded text, with merge fields: [identifier].',
    helpGeometry: 'In millimetres. The labels (margins, columns, rows and gaps) must fit the sheet.',
  },
  print: {
    link: 'Labels “{document}”',
    linkTitle: 'Print the labels “{document}” of the records of the current search',
    title: 'Labels “{document}”',
    startFurther: 'Sheet already used',
    start: 'First free place (1 to {max}, row by row)',
    startSubmit: 'Print from this place',
    badStart: 'The starting position must be a whole number between 1 and {max} (the number of labels on a sheet).',
    tooMany: 'This search holds more than {max} records: narrow it to print its labels.',
    unknownSheet: 'This label sheet does not exist or is not active for your collectivité.',
    otherObject: 'This label sheet does not print records of this object.',
  },
};

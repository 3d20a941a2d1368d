/** Messages of the PDF listings and of « Export › Éditions »: French and English, key for key. */
import type { Translation } from '../types.ts';

export const documentsFr = {
  listing: {
    printedOn: 'Édité le {date} à {time}',
    page: 'Page {page}/',
    count: '{count} enregistrement(s)',
    link: 'Édition PDF',
    linkTitle: 'Éditer la recherche en cours au format PDF',
  },
  editions: {
    menu: 'Éditions',
    title: 'Éditions',
    intro:
      'Les éditions PDF des listes que vous pouvez exporter. Chacune imprime toute la liste ; pour n’imprimer que le résultat d’une recherche, utilisez le lien « Édition PDF » de la liste.',
    none: 'Aucune édition n’est disponible : votre profil ne permet d’exporter aucune liste.',
    caption: 'Éditions de l’application « {app} »',
    edition: 'Édition',
    orientation: 'Orientation',
    portrait: 'Portrait',
    landscape: 'Paysage',
    pdf: '(PDF)',
  },
  print: {
    page: 'Page {page}/{pages}',
    total: 'Total',
    average: 'Moyenne',
    count: 'Nombre',
    preview: 'PRÉVISUALISATION',
    unknownDocument: 'Ce document n’existe pas ou n’est pas actif pour votre collectivité.',
    otherObject: 'Ce document n’imprime pas les enregistrements de cet objet.',
    failed: 'Le document n’a pas pu être produit : {reason}',
    heading: 'Documents à imprimer',
    etat: 'État',
    lettretype: 'Lettre type',
    linkTitle: '{kind} « {document} » au format PDF',
  },
} as const;

export const documentsEn: Translation<typeof documentsFr> = {
  listing: {
    printedOn: 'Printed on {date} at {time}',
    page: 'Page {page}/',
    count: '{count} record(s)',
    link: 'PDF printout',
    linkTitle: 'Print the current search as PDF',
  },
  editions: {
    menu: 'Printouts',
    title: 'Printouts',
    intro:
      'The PDF printouts of the lists you may export. Each prints the whole list; to print only the result of a search, use the list’s “PDF printout” link.',
    none: 'No printout is available: your profile may not export any list.',
    caption: 'Printouts of the application “{app}”',
    edition: 'Printout',
    orientation: 'Orientation',
    portrait: 'Portrait',
    landscape: 'Landscape',
    pdf: '(PDF)',
  },
  print: {
    page: 'Page {page}/{pages}',
    total: 'Total',
    average: 'Average',
    count: 'Count',
    preview: 'PREVIEW',
    unknownDocument: 'This document does not exist or is not active for your collectivité.',
    otherObject: 'This document does not print records of this object.',
    failed: 'The document could not be produced: {reason}',
    heading: 'Documents to print',
    etat: 'Report',
    lettretype: 'Letter',
    linkTitle: '{kind} “{document}” as PDF',
  },
};

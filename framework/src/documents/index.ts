/** PDF documents: the listing of an object (more to come: états, lettres types, labels). */
export { FONTS } from './fonts.ts';
export { A4_MM, MARGIN_MM, layOutListing, pageOf, type LaidOutColumn, type ListingLayout } from './listing-layout.ts';
export { writeListingPdf, type ByteSink, type CellRows, type ListingPdfInput, type ListingPdfText, type RowSource } from './listing-pdf.ts';

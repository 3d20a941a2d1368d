/** Address of « Export › Éditions » and of an object's PDF listing. */
export const EDITIONS_PATH = '/editions';

export const listingPdfUrl = (app: string, table: string) => `/${app}/${table}.pdf`;

/** Dates as the mail registry's messages and pages show them (JJ/MM/AAAA), from `YYYY-MM-DD` text. */

export function dateFr(valeur: string | null | undefined): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(valeur ?? '');
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : '';
}

/** Today's date of the database (the one `current_date` defaults write), as `YYYY-MM-DD`. */
export const AUJOURDHUI_SQL = `to_char(current_date, 'YYYY-MM-DD')`;

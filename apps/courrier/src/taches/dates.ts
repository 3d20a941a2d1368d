/** Dates as the mail registry's messages and pages show them (JJ/MM/AAAA), from `YYYY-MM-DD` text. */

export { dateFr } from '../core/dates.ts';

/** Today's date of the database (the one `current_date` defaults write), as `YYYY-MM-DD`. */
export const AUJOURDHUI_SQL = `to_char(current_date, 'YYYY-MM-DD')`;

/** Dates as the pages of the archives and registers read and show them. */
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';

/** Today in Paris, `AAAA-MM-JJ`. */
export { todayInParis as aujourdhui } from '../../../../framework/src/jobs/daily.ts';

export { dateFr } from '../core/dates.ts';

/** A date typed `JJ/MM/AAAA`, `JJMMAAAA` or ISO, as `AAAA-MM-JJ`; undefined when it is not one. */
export const dateSaisie = (value: string | null | undefined): string | undefined => (value ? parseFrenchDate(value) : undefined);

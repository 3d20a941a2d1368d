/** The time zone dates and times are typed and shown in (a time typed without a zone is this one's). */
export const TIME_ZONE = 'Europe/Paris';

/** Today on the instance's clock (`AAAA-MM-JJ`), whatever the server's time zone: at 23:30 UTC on 14 March it is already the 15th in Paris. */
export const todayInParis = (now: Date = new Date()): string => new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(now);

/** The time zone dates and times are typed and shown in (a time typed without a zone is this one's). */
export const TIME_ZONE = 'Europe/Paris';

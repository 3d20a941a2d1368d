/** How dates and hours are shown to users: JJ/MM/AAAA and « 8 h », « 13 h 30 ». */

/** An ISO date (or a Date, as the drivers return them) as JJ/MM/AAAA. */
export function dateFr(value: unknown): string {
  const iso = isoDate(value);
  const [year, month, day] = iso.split('-');
  return year && month && day ? `${day}/${month}/${year}` : iso;
}

/** `AAAA-MM-JJ` whatever the driver returned (a Date at local midnight for PGlite and pg). */
export function isoDate(value: unknown): string {
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value ?? '').slice(0, 10);
}

/** `08:00:00` or `13:30` as « 8 h » or « 13 h 30 ». */
export function heureFr(value: unknown): string {
  const [hours, minutes] = String(value ?? '').split(':');
  if (hours === undefined || hours === '') return '';
  const h = String(Number(hours));
  return minutes && minutes !== '00' ? `${h} h ${minutes}` : `${h} h`;
}

/** The day `days` before an ISO date, as ISO. */
export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

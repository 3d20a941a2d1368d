/** Dates as the mail registry shows them: one formatter for its pages, messages, stamps and letters. */

/** `AAAA-MM-JJ` (or a Date: its day in Paris) → `JJ/MM/AAAA`; anything else as it is (null: empty). */
export function dateFr(value: unknown): string {
  if (value instanceof Date) return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(value);
  const text = typeof value === 'string' ? value : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}

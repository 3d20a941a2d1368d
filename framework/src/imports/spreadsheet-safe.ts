/**
 * A CSV cell a spreadsheet cannot run (OWASP, « CSV injection »): text beginning with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is read as a formula by Excel and LibreOffice, so it gets a leading
 * apostrophe and is shown as the text it is. Numbers (`-12`, `-3,50`, `+33`) stay numbers. Every CSV
 * the framework writes (listing export, stored queries, import template and rejected lines) goes
 * through it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

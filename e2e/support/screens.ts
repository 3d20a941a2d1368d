/**
 * Reading the generic screens as a user does: the main region, the announced messages, the menu,
 * a listing's count, rows and sort state; a CSV download read back. Selectors are roles and
 * accessible names wherever the screens give them.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { pageProblems } from './browser.ts';

export const pathOf = (page: Page): string => new URL(page.url()).pathname;

export const mainOf = (page: Page): Locator => page.getByRole('main');

/** Neither a script error nor a Content-Security-Policy refusal in the page. */
export function assertNoPageProblems(page: Page): void {
  assert.deepEqual(pageProblems(page), [], 'la page a signalé des erreurs (console, CSP ou script)');
}

/** The text of the page's announced messages (flash, errors), `''` when there are none. */
export async function messagesOf(page: Page): Promise<string> {
  const texts = await page.locator('[role="status"], [role="alert"]').allInnerTexts();
  return texts.join('\n').trim();
}

/** Every entry of the main menu, open rubrique or not. */
export async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  return (await menu.locator('a').allTextContents()).map((text) => text.trim());
}

/** The rubriques (`<summary>`) of the main menu. */
export async function menuRubriques(page: Page): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  return (await menu.locator('summary').allTextContents()).map((text) => text.trim());
}

/** The listing table whose caption is « Liste : <label> » (or matches `label`). */
export function listingTable(scope: Page | Locator, label: string | RegExp): Locator {
  return scope.getByRole('table', { name: typeof label === 'string' ? `Liste : ${label}` : label });
}

/** The text of each row's first cell (the link to the record). */
export async function firstColumn(table: Locator): Promise<string[]> {
  return (await table.locator('tbody tr > :first-child').allInnerTexts()).map((text) => text.trim());
}

/** « 1 - 15 enregistrement(s) sur 42 » or « Aucun enregistrement. » under `scope`. */
export async function countOf(scope: Locator): Promise<string> {
  return (await scope.locator('.listing-compte').first().innerText()).trim();
}

/** Waits until the listing under `scope` says `text` (after an htmx swap or a page load). */
export async function waitForCount(scope: Locator, text: string): Promise<void> {
  try {
    await scope.locator('.listing-compte').filter({ hasText: text }).first().waitFor();
  } catch {
    const now = await countOf(scope).catch(() => '(aucun compte affiché)');
    assert.fail(`la liste devait annoncer « ${text} », elle annonce « ${now} »`);
  }
}

/** The column header's `aria-sort` (`null` when the listing is not sorted on it). */
export async function ariaSortOf(table: Locator, column: string): Promise<string | null> {
  return table.getByRole('columnheader', { name: new RegExp(`^${column}`) }).getAttribute('aria-sort');
}

export interface CsvFile {
  readonly bytes: Buffer;
  readonly text: string;
  /** Lines split on `;` (no field of these tests holds a `;`, a quote or a line break). */
  readonly rows: string[][];
}

/** Clicks `link`, waits for the download and reads the file. */
export async function downloadCsv(page: Page, link: Locator): Promise<CsvFile & { fileName: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { ...(await readDownload(download)), fileName: download.suggestedFilename() };
}

async function readDownload(download: Download): Promise<CsvFile> {
  const path = await download.path();
  assert.ok(path, `téléchargement échoué : ${(await download.failure()) ?? '?'}`);
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
  return { bytes, text, rows };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its label, whether or not it carries the required marker « * ». */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}\\s*\\*?\\s*$`));
}

/** Opens the menu's rubrique if it is folded, then follows its entry `label`. */
export async function followMenu(page: Page, rubrique: string, label: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  const link = menu.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) {
    const toggle = menu.getByRole('button', { name: 'Menu' });
    if (await toggle.isVisible()) await toggle.click();
    if (!(await link.isVisible())) await menu.locator('summary', { hasText: rubrique }).click();
  }
  const loaded = page.waitForEvent('load');
  await link.click();
  await loaded;
}

/**
 * Runs `action` (typing in a search box, choosing a column, following an htmx link) and waits
 * until htmx has swapped and settled the answer into the page.
 */
export async function afterHtmxSwap(page: Page, action: () => Promise<void>): Promise<void> {
  const before = page.url();
  const settled = page
    .evaluate(() => new Promise<void>((resolve) => document.addEventListener('htmx:afterSettle', () => resolve(), { once: true })))
    .then(
      () => 'swapped' as const,
      () => 'navigated' as const,
    );
  await action();
  if ((await settled) === 'navigated') {
    assert.fail(`une mise à jour sur place (htmx) était attendue, mais la page a été remplacée : ${before} → ${page.url()}`);
  }
}

/**
 * Like `submit`, for a form that must answer with a new page: when none comes (a script or htmx
 * kept the form from being sent), fails with what the page reported instead of a bare timeout.
 */
export async function submitForPage(page: Page, target: Locator, timeoutMs = 10_000): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: timeoutMs }).then(
    () => true,
    () => false,
  );
  await target.click();
  if (!(await loaded)) {
    const problems = pageProblems(page);
    assert.fail(`le formulaire n’a pas été envoyé : aucune page n’est venue (${page.url()}) ; la page signale : ${problems.join(' ; ') || 'rien'}`);
  }
}

/**
 * Runs in the page (as text: the test runner's transpiler would wrap named helpers in a function
 * the page lacks). The overflow, and where it starts: elements that stick out, are not clipped by
 * a scrolling ancestor that fits (an absolutely positioned one only by an ancestor holding its
 * containing block), while their parent does not stick out or is clipped.
 */
const OVERFLOW_SCRIPT = `(() => {
  const width = document.documentElement.clientWidth;
  const sticks = (element) => element.getBoundingClientRect().right > width + 1;
  const clipped = (element) => {
    const positioned = ['absolute', 'fixed'].includes(getComputedStyle(element).position);
    const containing = element.offsetParent;
    for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
      const holds = !positioned || (containing !== null && ancestor.contains(containing));
      if (getComputedStyle(ancestor).overflowX !== 'visible' && holds && !sticks(ancestor)) return true;
    }
    return false;
  };
  const culprits = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (!sticks(element) || clipped(element)) continue;
    const parent = element.parentElement;
    if (parent && parent !== document.body && sticks(parent) && !clipped(parent)) continue;
    const classes = [...element.classList].map((name) => '.' + name).join('');
    const within = element.closest('[id]');
    culprits.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes +
      (within && within !== element ? ' dans #' + within.id : '') + ' (' + Math.round(element.getBoundingClientRect().right - width) + ' px)');
  }
  return { overflow: Math.max(0, document.documentElement.scrollWidth - width), culprits: culprits.slice(0, 6) };
})()`;

/**
 * How many CSS pixels the page is wider than the window (0: no horizontal scrolling), and the
 * elements where it starts. Wide tables must scroll inside their own region, not make the whole
 * page scroll (WCAG 1.4.10).
 */
export function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(OVERFLOW_SCRIPT) as Promise<{ overflow: number; culprits: string[] }>;
}

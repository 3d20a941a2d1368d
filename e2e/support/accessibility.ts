/**
 * Accessibility checks with axe-core (RGAA 4 / WCAG 2.1 AA target): the rules tagged WCAG 2.0 and
 * 2.1, levels A and AA. A test fails on any violation of impact `serious` or `critical`, with a
 * report listing each rule, its impact, its help (in French, axe's own locale) and the selectors
 * of the elements at fault; `minor` and `moderate` ones are returned for the caller to look at.
 *
 * axe is injected with `page.evaluate(source)`, which runs through the DevTools protocol: the
 * page's Content-Security-Policy (`script-src 'self'`, which refuses `addScriptTag`) does not
 * apply to it, so the context keeps the CSP on (no `bypassCSP`) and the tests still see what
 * the policy would block in a real browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_FRENCH: unknown = JSON.parse(readFileSync(require.resolve('axe-core/locales/fr.json'), 'utf8'));

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BLOCKING_IMPACTS = ['serious', 'critical'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary: string }[];
}

export interface AccessibilityResult {
  /** Every violation found (all impacts). */
  violations: AxeViolation[];
  /** Those that fail the test: `serious` or `critical`. */
  blocking: AxeViolation[];
}

/** The violations as plain text: one paragraph per rule, one line per element. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        const summary = node.failureSummary.split('\n').map((line) => line.trim()).filter(Boolean).join(' / ');
        return `    - ${node.target.join(' ')}${summary ? ` : ${summary}` : ''}`;
      });
      return [`  [${violation.impact ?? '?'}] ${violation.id} — ${violation.help}`, `    ${violation.helpUrl}`, ...nodes].join('\n');
    })
    .join('\n');
}

export class AccessibilityError extends Error {
  override readonly name = 'AccessibilityError';
  constructor(readonly page: string, readonly violations: AxeViolation[]) {
    super(
      `Accessibilité (axe-core, WCAG 2.1 AA) — page « ${page} » : ${violations.length} règle(s) enfreinte(s) ` +
        `d'impact grave ou critique (serious/critical) :\n${formatViolations(violations)}`,
    );
  }
}

/** Runs axe on the page as it is now; throws `AccessibilityError` on serious or critical violations. */
export async function checkAccessibility(page: Page, name: string): Promise<AccessibilityResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ locale, tags }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe is a global injected above
      const axe = (window as any).axe;
      axe.configure({ locale });
      const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- axe's result shape, copied out as plain data
      return results.violations.map((violation: any) => ({
        id: String(violation.id),
        impact: violation.impact ?? null,
        help: String(violation.help),
        helpUrl: String(violation.helpUrl),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        nodes: violation.nodes.map((node: any) => ({ target: node.target.map(String), failureSummary: String(node.failureSummary ?? '') })),
      })) as AxeViolation[];
    },
    { locale: AXE_FRENCH, tags: WCAG_TAGS },
  );
  const blocking = violations.filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ''));
  if (blocking.length > 0) throw new AccessibilityError(name, blocking);
  return { violations, blocking };
}

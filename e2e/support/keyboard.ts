/**
 * Keyboard use (RGAA 12, WCAG 2.1.1, 2.4.3, 2.4.7): where the focus is, and whether it shows.
 */
import type { Page } from 'playwright-core';

export interface FocusedElement {
  /** `''` when nothing but the document has the focus. */
  tag: string;
  id: string;
  /** Its accessible name as a user reads it: label, text or aria-label (trimmed). */
  name: string;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  /** An outline (not none, not 0 wide, not transparent) or a box-shadow is drawn. */
  visibleIndicator: boolean;
}

/** The element that has the focus now, and its computed focus styles. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) {
      return { tag: '', id: '', name: '', outlineStyle: 'none', outlineWidth: '0px', outlineColor: '', boxShadow: 'none', visibleIndicator: false };
    }
    const style = getComputedStyle(element);
    const labels = (element as HTMLInputElement).labels;
    const name = (
      element.getAttribute('aria-label') ??
      (labels && labels.length > 0 ? labels[0]!.textContent : null) ??
      element.textContent ??
      ''
    ).trim();
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      visibleIndicator: outline || shadow,
    };
  });
}

/** Presses Tab (Shift+Tab with `back`) and returns the element that got the focus. */
export async function tab(page: Page, options: { back?: boolean } = {}): Promise<FocusedElement> {
  await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  return focusedElement(page);
}

/** The PDF a page's GET form (a preview, a print) gives, fetched with the page's cookies, as text. */
import assert from 'node:assert/strict';
import { pdfText } from '../../framework/test/support/pdf-text.ts';
import type { Page } from 'playwright-core';

export async function formPdfText(page: Page, form = 'main form.formulaire'): Promise<string> {
  const url = await page.locator(form).evaluate((element) => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(element as HTMLFormElement)) query.append(name, String(value));
    return `${(element as HTMLFormElement).action}?${query.toString()}`;
  });
  const response = await page.request.get(url);
  assert.equal(response.status(), 200, await response.text());
  assert.equal(response.headers()['content-type'], 'application/pdf');
  return pdfText(new Uint8Array(await response.body()));
}

/**
 * « Localiser d’après l’adresse » of a geometry field (issue 13 §6): reads the address fields the
 * object names from the form, asks the server for their point (`GET /<app>/<table>/localiser`), and
 * places it; the answer's sentence (found, estimated, not found) goes to a live region.
 */
import Point from 'ol/geom/Point.js';
import { transform } from 'ol/proj.js';
import { ATTRIBUTES } from './contract.ts';
import { projectionOfSrid } from './projections.ts';
import { part, readJson } from './settings.ts';

interface Answer {
  readonly x?: unknown;
  readonly y?: unknown;
  readonly srid?: unknown;
  readonly message?: unknown;
}

function valueOf(form: HTMLFormElement | null, name: string): string {
  const element = form?.elements.namedItem(name);
  if (element instanceof RadioNodeList) return element.value.trim();
  if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) return element.value.trim();
  return '';
}

export function setUpLocaliser(root: HTMLElement, options: { readonly projection: string; readonly error: string; readonly place: (point: Point) => void }): void {
  const button = part(root, 'carte-localiser', HTMLButtonElement);
  const status = part(root, 'carte-localisation', HTMLParagraphElement);
  const address = root.getAttribute(ATTRIBUTES.localiser);
  if (!button || !status || !address) return;
  const fields = readJson<string[]>(root, ATTRIBUTES.localiserFields, []);
  button.hidden = false;
  button.addEventListener('click', async () => {
    const form = root.closest('form');
    const query = new URLSearchParams();
    for (const field of fields) {
      const value = valueOf(form, field);
      if (value !== '') query.set(field, value);
    }
    button.disabled = true;
    status.textContent = '';
    try {
      const response = await fetch(`${address}?${query.toString()}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const answer = (await response.json()) as Answer;
      const from = typeof answer.srid === 'number' ? projectionOfSrid(answer.srid) : undefined;
      if (response.ok && typeof answer.x === 'number' && typeof answer.y === 'number' && from) {
        options.place(new Point(transform([answer.x, answer.y], from, options.projection)));
      }
      status.textContent = typeof answer.message === 'string' ? answer.message : options.error;
    } catch {
      status.textContent = options.error;
    } finally {
      button.disabled = false;
    }
  });
}

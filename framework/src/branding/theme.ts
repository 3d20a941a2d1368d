/**
 * A collectivité's accent colour as a small stylesheet (the Content-Security-Policy forbids inline
 * styles): the custom properties of commun.css, set on the class the layout gives `<body>` for the
 * working collectivité (and the administration page to its preview), so that two themes can live
 * on one page.
 */
import { darker } from './contrast.ts';

export const themeClass = (collectivite: number) => `theme-collectivite-${collectivite}`;

/** The stylesheet of `collectivite` in `colour` (already checked). */
export function themeStylesheet(collectivite: number, colour: string): string {
  return [
    `.${themeClass(collectivite)} {`,
    `  --primaire: ${colour};`,
    `  --primaire-fonce: ${darker(colour)};`,
    `  --focus: ${colour};`,
    `  --info-bord: ${colour};`,
    '}',
    '',
  ].join('\n');
}

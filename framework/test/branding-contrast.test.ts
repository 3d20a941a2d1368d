/**
 * The accent colour's contrast (RGAA 3.2 / WCAG 2.1 1.4.3) against pairs whose ratios are known
 * (WebAIM's contrast checker), the refusal's French message with the ratio found and the ratio
 * needed, and the theme stylesheet built from an accepted colour. No database.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAccentColour, contrastRatio, normalizedColour, shownRatio, themeStylesheet } from '../src/branding/index.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.005, `${actual} ≈ ${expected}`);

test('contrast ratios of known pairs, in either order', () => {
  close(contrastRatio('#000000', '#ffffff'), 21);
  close(contrastRatio('#ffffff', '#ffffff'), 1);
  close(contrastRatio('#777777', '#ffffff'), 4.48);
  close(contrastRatio('#ffffff', '#767676'), 4.54);
  close(contrastRatio('#0000ff', '#ffffff'), 8.59);
  close(contrastRatio('#ff0000', '#ffffff'), 4.0);
  close(contrastRatio('#0b4f8a', '#ffffff'), 8.4);
});

test('a ratio is shown rounded down: 4.499 is not shown as 4,50', () => {
  assert.equal(shownRatio(4.499), '4,49');
  assert.equal(shownRatio(21), '21,00');
  assert.equal(shownRatio(4.478, 'en'), '4.47');
});

test('colours are written #rrggbb, whatever the case and the spaces around', () => {
  assert.equal(normalizedColour(' #0B4F8A '), '#0b4f8a');
  for (const wrong of ['0b4f8a', '#0b4f8', '#0b4f8a0', 'bleu', '#ggg000', '']) assert.equal(normalizedColour(wrong), undefined, wrong);
  const refused = checkAccentColour('bleu');
  assert.equal(refused.ok, false);
  assert.equal(refused.ok ? '' : refused.message, 'La couleur « bleu » n’est pas reconnue : écrivez-la #rrggbb, par exemple #0b4f8a.');
});

test('a dark enough colour is accepted; a light one is refused with the ratio found and the one needed', () => {
  assert.deepEqual(checkAccentColour('#1F6F43'), { ok: true, colour: '#1f6f43' });
  assert.deepEqual(checkAccentColour('#0b4f8a'), { ok: true, colour: '#0b4f8a' });
  const red = checkAccentColour('#ff0000');
  assert.equal(red.ok, false);
  assert.match(red.ok ? '' : red.message, /^La couleur #ff0000 n’est pas assez contrastée : rapport de 3,66:1 .*il faut au moins 4,5:1 \(RGAA, critère 3\.2\)\./);
  // Fine with white text (4.54:1), but its links on the breadcrumb's light grey would be at 4.16:1.
  const grey = checkAccentColour('#767676');
  assert.equal(grey.ok, false);
  assert.match(grey.ok ? '' : grey.message, /rapport de 4,16:1 pour les liens sur le fond gris clair du fil d’Ariane, il faut au moins 4,5:1/);
  assert.match(checkAccentColour('#ffff00', 'en').ok ? '' : (checkAccentColour('#ffff00', 'en') as { message: string }).message, /at least 4\.5:1/);
});

test('the theme stylesheet sets the colours of commun.css on the collectivité’s class only', () => {
  assert.equal(
    themeStylesheet(3, '#1f6f43'),
    '.theme-collectivite-3 {\n  --primaire: #1f6f43;\n  --primaire-fonce: #175332;\n  --focus: #1f6f43;\n  --info-bord: #1f6f43;\n}\n',
  );
});

/**
 * Issue 14 §8 dans Chromium, sur les deux bases : le plan d’un cimetière montre ses emplacements
 * dans chaque état (comptés par la page, GeoJSON relu), son plan scanné demandé au site lui-même
 * (sous la politique de sécurité stricte), un clic sur un emplacement ouvre son résumé et son lien ;
 * axe-core sur la page du plan. Captures : e2e/screenshots/cimetiere-plans-*.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cimetiere } from '../apps/cimetiere/src/index.ts';
import { configurerPlans } from '../apps/cimetiere/src/plans/configuration.ts';
import { PLANS_FIXTURE } from '../apps/cimetiere/test/plans-donnees.ts';
import { rangerPlanScanne } from '../apps/cimetiere/test/plans-fichier.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { browserSuite, checkAccessibility, screenshot, type Locator, type Page } from './support/index.ts';
import { signIn } from './support/journey.ts';
import { assertNoPageProblems, mainOf, menuEntries } from './support/screens.ts';

const LECTEUR = { login: 'lecteur', password: 'Plans-Cimetiere-2026' } as const;
const MIGRATIONS = readMigrations(cimetiere.migrations).map((migration) => migration.text);

/** Le pixel d’un point Lambert-93 dans la carte, d’après l’emprise de la vue que la page écrit. */
async function pixelOf(map: Locator, root: Locator, [x, y]: readonly [number, number]): Promise<[number, number]> {
  const box = await map.boundingBox();
  assert.ok(box, 'la carte est affichée');
  const extent = JSON.parse((await root.getAttribute('data-carte-vue')) ?? 'null') as [number, number, number, number] | null;
  assert.ok(extent, 'la page écrit l’emprise de sa vue');
  const [xmin, ymin, xmax, ymax] = extent;
  return [box.x + ((x - xmin) / (xmax - xmin)) * box.width, box.y + ((ymax - y) / (ymax - ymin)) * box.height];
}

browserSuite(
  'cimetiere : le plan d’un cimetière',
  (suite) => {
    test('le plan montre les emplacements par état, le plan scanné, et un clic ouvre l’emplacement', async () => {
      const { tag, app } = suite();
      await rangerPlanScanne(app.runtime, app.database);
      const page: Page = await signIn(await suite().openPage(), LECTEUR.login, LECTEUR.password);
      // Depuis le menu : « Plans des cimetières », puis le plan du Centre.
      await page.goto('/cimetiere/plans-cimetieres');
      assert.ok((await menuEntries(page)).includes('Plans des cimetières'), 'au menu');
      await checkAccessibility(page, `cimetiere-plans-liste${tag}`);
      const emplacements = page.waitForResponse((response) => response.url().includes('/api/v1/cimetiere/plan-cimetiere/1/emplacements'), { timeout: 30_000 });
      const image = page.waitForResponse((response) => response.url().endsWith('/cimetiere/plan/1/fichier/fichier'), { timeout: 30_000 });
      const pageDuPlan = page.waitForResponse((response) => response.url().endsWith('/cimetiere/plan-cimetiere/1'), { timeout: 30_000 });
      await mainOf(page).getByRole('link', { name: 'Plan — Cimetière du Centre' }).click();
      const response = await pageDuPlan;
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-security-policy'] ?? '', /img-src 'self' data:;/, 'la politique de sécurité reste stricte');
      const main = mainOf(page);
      const root = main.locator('[data-carte="plan"]');
      const map = main.getByRole('region', { name: 'Plan — Cimetière du Centre' });
      await map.locator('canvas').first().waitFor({ timeout: 15_000 });

      const answer = await emplacements;
      assert.equal(answer.status(), 200);
      const body = (await answer.json()) as { features: { id: number; properties: { etat: string } }[] };
      assert.deepEqual(body.features.map((feature) => feature.properties.etat), ['libre', 'occupe', 'a_terme', 'en_reprise']);
      assert.ok(new URL(answer.url()).searchParams.get('bbox'), 'la carte demande sa boîte');
      const planScanne = await image;
      assert.equal(new URL(planScanne.url()).origin, new URL(page.url()).origin, 'le plan scanné vient du site');
      assert.equal(planScanne.status(), 200);
      await root.and(page.locator('[data-carte-image="chargee"]')).waitFor({ state: 'attached', timeout: 15_000 });

      await main.getByRole('status').filter({ hasText: 'Emplacements sur le plan : 4.' }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => {
        const element = document.querySelector('[data-carte="plan"]');
        const counts = JSON.parse(element?.getAttribute('data-carte-chargees') ?? '{}') as Record<string, number>;
        return counts['Emplacements'] === 4 && counts['Zones'] === 1 && counts['Cimetières'] === 1 && element?.hasAttribute('data-carte-vue');
      });
      const counts = JSON.parse((await root.getAttribute('data-carte-chargees')) ?? '{}') as Record<string, number>;
      assert.equal(counts['Emplacements'], 4);
      assert.equal(counts['Zones'], 1, 'les zones du seul cimetière');
      const legend = main.getByRole('table', { name: 'Emplacements par état' });
      assert.match((await legend.innerText()).replace(/\s+/g, ' '), /Libre 1 1 Occupé 2 1 À terme 1 1 En reprise 1 1/);
      await screenshot(page, `cimetiere-plans-01-plan${tag}`);
      await checkAccessibility(page, `cimetiere-plans-page${tag}`);

      // Au clavier : la liste des emplacements affichés ouvre le résumé, le focus sur son lien ; Échap le ferme.
      const liste = main.getByRole('region', { name: 'Emplacements affichés' });
      assert.deepEqual((await liste.getByRole('button').allInnerTexts()).map((text) => text.trim()), [
        'Allée des Tilleuls, n° 2 (libre)',
        'Allée des Tilleuls, n° 6 — famille DURAND (occupé)',
        'Allée des Tilleuls, n° 8 — famille LEROY (à terme)',
        'Allée des Tilleuls, n° 9 — famille MOREAU (en reprise)',
      ]);
      await liste.getByRole('button', { name: /n° 8 — famille LEROY/ }).focus();
      await page.keyboard.press('Enter');
      const popup = main.getByRole('group', { name: 'Emplacement' });
      await popup.waitFor({ state: 'visible' });
      assert.match(await popup.innerText(), /Allée des Tilleuls, n° 8 — famille LEROY \(à terme\)/);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Ouvrir l’emplacement');
      await page.keyboard.press('Escape');
      await popup.waitFor({ state: 'hidden' });
      await page.waitForTimeout(600);

      // Un clic sur l’emplacement DURAND (n° 6, Lambert-93 652060 6862105).
      await map.scrollIntoViewIfNeeded();
      const [px, py] = await pixelOf(map, root, [652060, 6862105]);
      await page.mouse.click(px, py);
      await popup.waitFor({ state: 'visible' });
      assert.match(await popup.innerText(), /Allée des Tilleuls, n° 6 — famille DURAND \(occupé\)/);
      const open = popup.getByRole('link', { name: 'Ouvrir l’emplacement' });
      assert.equal(await open.getAttribute('href'), '/cimetiere/emplacement/2');
      await screenshot(page, `cimetiere-plans-02-resume${tag}`);
      await checkAccessibility(page, `cimetiere-plans-resume${tag}`);
      await open.click();
      await page.waitForURL(/\/cimetiere\/emplacement\/2$/);
      assertNoPageProblems(page);
    });
  },
  {
    postgis: true,
    users: [{ login: LECTEUR.login, password: LECTEUR.password, profil: 'CONSULTATION', collectivite: 1 }],
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'cimetiere');
      await database.asOwner(PLANS_FIXTURE);
      await database.withOwner((db) => configurerPlans(db, 1));
    },
    register: (registry) => {
      cimetiere.register(registry);
      registry.linkIncomingReferences();
    },
  },
);

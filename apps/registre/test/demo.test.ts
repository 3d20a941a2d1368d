import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/tenant-context.ts';
import type { WidgetContent } from '../../../framework/src/model/extensions.ts';
import { listRecords } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { TRAITEMENTS } from '../demo/libreville.ts';
import { registre } from '../src/index.ts';
import { REGISTRE_WIDGETS } from '../src/widgets.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, objectOf, registreRuntime, SOURCES } from './support.ts';

describeEachDatabase(
  'registre : données de démonstration et tableau de bord',
  (database) => {
    let runtime: TestRuntime;
    let actors: Record<string, Actor>;
    const actor = (login: string): Actor => {
      const found = actors[login];
      if (!found) throw new Error(login);
      return found;
    };
    const render = (id: string, login: string): Promise<WidgetContent> => {
      const widget = runtime.registry.widget(id);
      assert.ok(widget, id);
      const who = actor(login);
      return widget.render({ actor: who, locale: 'fr', read: (work) => readAs(runtime.db.kysely, who, work) });
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      runtime = await registreRuntime(database());
      await registre.loadDemo?.(runtime);
      actors = await actorsFor(database(), [
        { login: 'dpo', profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'dpo3', profil: 'SUPER UTILISATEUR', collectivite: 3 },
      ]);
    });

    test('Libreville’s register is loaded with its sub-forms and statuses', async () => {
      const counts = await database().ownerQuery<{ statut: string; nombre: string | number }>(
        'select statut, count(*) as nombre from registre.traitement where om_collectivite = 1 group by statut order by statut',
      );
      const expected = (statut: string) => TRAITEMENTS.filter((item) => item.statut === statut).length;
      assert.deepEqual(
        counts.map((row) => [row.statut, Number(row.nombre)]),
        [['archive', expected('archive')], ['brouillon', expected('brouillon')], ['valide', expected('valide')]],
      );
      assert.ok(TRAITEMENTS.length >= 10);
      const deps = depsOf(runtime);
      const cantine = await listRecords(deps, actor('dpo'), objectOf(runtime, 'traitement'), { q: 'cantine' });
      assert.equal(cantine.rows.length, 1);
      const key = String(cantine.rows[0]?.traitement);
      const donnees = await listRecords(deps, actor('dpo'), objectOf(runtime, 'traitement_categorie_donnees'), { filters: { traitement: key } });
      assert.equal(donnees.rows.length, 4);
      const durees = await listRecords(deps, actor('dpo'), objectOf(runtime, 'duree_conservation'), { filters: { traitement: key } });
      assert.equal(durees.rows.length, 2);
      const empty = await listRecords(deps, actor('dpo3'), objectOf(runtime, 'traitement'), {});
      assert.equal(empty.rows.length, 0, 'another town sees none of it');
    });

    test('the dashboard widgets count by status and list the reviews due', async () => {
      const chart = await render(REGISTRE_WIDGETS.statuts, 'dpo');
      assert.equal(chart.kind, 'chart');
      if (chart.kind === 'chart') {
        assert.deepEqual(chart.labels, ['Brouillon', 'Validé', 'Archivé']);
        assert.equal(chart.series[0]?.values.reduce((sum, value) => sum + value, 0), TRAITEMENTS.length);
      }
      const reviews = await render(REGISTRE_WIDGETS.revues, 'dpo');
      assert.equal(reviews.kind, 'list');
      if (reviews.kind === 'list') {
        const due = TRAITEMENTS.filter((item) => item.statut !== 'archive' && item.revueDans <= 30).length;
        assert.equal(reviews.items.length, Math.min(due, 5));
        assert.equal(reviews.items[0]?.label, 'Inscriptions à la cantine scolaire', 'the late review comes first');
        assert.match(reviews.items[0]?.href ?? '', /^\/registre\/traitement\/\d+$/);
      }
      assert.equal((await render(REGISTRE_WIDGETS.statuts, 'dpo3')).kind, 'empty');
    });

    test('the widgets are placed on the dashboards of the profiles that keep the register', async () => {
      const placed = await database().ownerQuery<{ libelle: string }>(
        `select distinct p.libelle from om.om_dashboard d join om.om_widget w using (om_widget) join om.om_profil p using (om_profil)
          where w.lien = '${REGISTRE_WIDGETS.revues}' order by 1`,
      );
      assert.deepEqual(placed.map((row) => row.libelle), ['ADMINISTRATEUR', 'SUPER UTILISATEUR', 'UTILISATEUR']);
    });
  },
  { sources: SOURCES },
);

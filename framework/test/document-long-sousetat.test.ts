/**
 * A sous-état longer than a source may be (an émargement lists a whole bureau): its rows are read
 * through a cursor, a batch at a time, so COMMUN_SOURCE_MAX_ROWS does not cut or refuse it; its
 * totals cover every batch; « Page n/N » is right on pages written out before N was known; and
 * beyond COMMUN_SOUSETAT_MAX_ROWS the document is refused with a French message, never truncated.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderDocument } from '../src/documents/render/index.ts';
import { renderBatch } from '../src/documents/render/batch.ts';
import { findDocument } from '../src/documents/render/definition.ts';
import type { Runtime } from '../src/runtime.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';
import { pdfPages } from './support/pdf-text.ts';
import { createTestRuntime } from './support/runtime.ts';

const ROWS = 1_234;

const DOCUMENTS_SQL = `
insert into om.om_requete (om_requete, code, libelle, requete, type) values
  (951, 'bureau', 'Bureau', 'select ''Bureau '' || &idx as bureau', 'sql');
insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, entete_flag, cellule_largeur, cellule_numerique,
  cellule_total, cellule_compteur, tableau_largeur, om_sql) values
  (1, 'electeurs', 'Électeurs', true, 'Électeurs', '1', '40|60|60', '999|999|0', '0|0|1', '1|0|0', 160,
   'select ''Électeur '' || n as "Nom", ''Adresse '' || n as "Adresse", n as "Numéro" from generate_series(1, ${ROWS}) as n where &idx::integer > 0 order by n');
insert into om.om_etat (om_collectivite, id, libelle, actif, titre_om_htmletat, titreleft, titretop, titrelargeur,
  corps_om_htmletatex, om_sql) values
  (1, 'emargement', 'Émargement', true, '<p>Émargement [bureau]</p>', 10, 10, 190, '<div data-sousetat="electeurs"></div>', 951);
`;

describeEachDatabase('A sous-état of many rows, streamed', (database) => {
  let runtime: Runtime;
  const actor = testActor({ permissions: [] });
  const saved = { rows: process.env.COMMUN_SOURCE_MAX_ROWS, streamed: process.env.COMMUN_SOUSETAT_MAX_ROWS };

  before(async () => {
    await database().asOwner(DOCUMENTS_SQL);
    runtime = await createTestRuntime(database());
  });
  after(() => {
    for (const [name, value] of [['COMMUN_SOURCE_MAX_ROWS', saved.rows], ['COMMUN_SOUSETAT_MAX_ROWS', saved.streamed]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('every row printed beyond the source cap, totals over every batch, « Page n/N » right', async () => {
    process.env.COMMUN_SOURCE_MAX_ROWS = '50';
    delete process.env.COMMUN_SOUSETAT_MAX_ROWS;
    const { pdf } = await renderDocument(runtime, { actor, locale: 'fr', kind: 'etat', id: 'emargement', key: 7, objet: '' });
    const pages = await pdfPages(new Uint8Array(pdf));
    assert.ok(pages.length > 10, `${pages.length} pages`);
    const text = pages.join('\n');
    assert.match(pages[0] ?? '', /Émargement Bureau 7/);
    for (const n of [1, 500, 501, 1000, 1001, ROWS]) assert.match(text, new RegExp(`Électeur ${n}\\b`), `row ${n}`);
    // The count and the total cover every batch of the cursor.
    const space = '[\\s\\u00a0\\u202f]';
    assert.match(text, new RegExp(`1${space}234${space}+Nombre`));
    assert.match(text, new RegExp(`Total${space}.*761${space}995`));
    pages.forEach((page, index) => assert.match(page, new RegExp(`Page ${index + 1}/${pages.length}\\b`), `footer of page ${index + 1}`));
  });

  test('a file of many records numbers each one’s pages on its own', async () => {
    const definition = await findDocument(runtime.db, actor, 'etat', 'emargement');
    assert.ok(definition);
    const chunks: Buffer[] = [];
    const documents = await renderBatch(runtime, { actor, locale: 'fr', definition, keys: [1, 2], write: async (chunk) => void chunks.push(chunk) });
    assert.equal(documents, 2);
    const pages = await pdfPages(new Uint8Array(Buffer.concat(chunks)));
    const half = pages.length / 2;
    assert.ok(Number.isInteger(half));
    assert.match(pages[0] ?? '', new RegExp(`Page 1/${half}\\b`));
    assert.match(pages[half - 1] ?? '', new RegExp(`Page ${half}/${half}\\b`));
    assert.match(pages[half] ?? '', new RegExp(`Page 1/${half}\\b`));
    assert.match(pages[half] ?? '', /Émargement Bureau 2/);
  });

  test('beyond COMMUN_SOUSETAT_MAX_ROWS: refused in French, not cut short', async () => {
    process.env.COMMUN_SOUSETAT_MAX_ROWS = '1000';
    await assert.rejects(
      renderDocument(runtime, { actor, locale: 'fr', kind: 'etat', id: 'emargement', key: 7, objet: '' }),
      /Le sous-état renvoie plus de 1000 lignes : ajoutez un critère\./,
    );
  });
});

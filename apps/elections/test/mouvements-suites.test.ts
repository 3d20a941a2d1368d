/**
 * Three follow-ups of the movement workflow (issue 11): a homonym found when an inscription is
 * saved is a warning, never a refusal (service, form and API); the refusal letter is offered and
 * printed for refused movements only (also once transmitted); archiving a movement removes its
 * pièces' stored files, not only their rows.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import type { Row } from '../../../framework/src/db/connection.ts';
import { fileStoreOf, type FileStore } from '../../../framework/src/files/index.ts';
import { createRecord, runAction, type ReadDeps } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { TestClient } from '../../../framework/test/support/http.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { FIXTURE_SQL } from './mouvements-fixture.ts';
import { actorsFor, AUTREVILLE_SQL, depsOf, electionsRuntime, loadElectionReferentials, objectOf, PASSWORD, SOURCES } from './support.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const LETTRE = 'Notification du refus d’une demande';

describeEachDatabase(
  'élections : homonymes, lettre de refus, pièces archivées',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let files: FileStore;
    let app: Hono<AppEnv>;
    let agent: Actor;
    let foch: number;
    const mouvements = () => objectOf(runtime, 'mouvement');
    const inscription = (changes: Row = {}): Row => ({
      type_mouvement: 'VOL1',
      liste: 'LP',
      date_demande: '2026-10-01',
      civilite: 'Mme',
      sexe: 'F',
      nom: 'Martin',
      prenoms: 'Claire',
      date_naissance: '1990-05-04',
      naissance_lieu: 'france',
      commune_naissance: '2A004',
      nationalite: 'FRA',
      voie: foch,
      numero: 75,
      ...changes,
    });
    const act = (key: unknown, action: string, input: Row = {}) => runAction(deps, agent, mouvements(), String(key), action, input);
    const signIn = async (): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      return browser;
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await loadElectionReferentials(database());
      await database().asOwner(FIXTURE_SQL);
      const [voie] = await database().ownerQuery<{ voie: number }>(`select voie from elections.voie where code = 'V002'`);
      foch = Number(voie?.voie);
      runtime = await electionsRuntime(database());
      files = fileStoreOf(runtime);
      deps = { ...depsOf(runtime), files };
      app = createApp(runtime);
      const actors = await actorsFor(database(), [{ login: 'agent', profil: 'UTILISATEUR', collectivite: 1 }]);
      agent = actors.agent ?? assert.fail('agent');
    });

    test('a homonym is a warning once the inscription is saved, never a refusal', async () => {
      const warnings: string[] = [];
      const saved = await createRecord(deps, agent, mouvements(), inscription({ civilite: 'M.', sexe: 'M', nom: 'ZOLA', prenoms: 'Émile Auguste', date_naissance: '1950-03-12' }), {
        warnings,
      });
      assert.equal(saved.etat, 'a_instruire', 'saved');
      assert.deepEqual(warnings, ['Homonyme possible : Zola Émile, né le 02/04/1940, inscrit sur la liste LP (bureau 001)']);

      const second: string[] = [];
      await createRecord(deps, agent, mouvements(), inscription({ nom: 'Zola', prenoms: 'Émilie', date_naissance: '1960-01-01' }), { warnings: second });
      assert.deepEqual(second, [], '« Émilie » is not the first first name « Émile »');

      const third: string[] = [];
      await createRecord(deps, agent, mouvements(), inscription({ civilite: 'M.', sexe: 'M', nom: 'Zola', prenoms: 'Émile', date_naissance: '1970-06-30' }), { warnings: third });
      assert.deepEqual(third, [
        'Homonyme possible : Zola Émile, né le 02/04/1940, inscrit sur la liste LP (bureau 001)',
        `Homonyme possible : ZOLA Émile Auguste, né le 12/03/1950, demande d’inscription n° ${String(saved.mouvement)} en cours sur la liste LP (bureau 002)`,
      ]);

      const none: string[] = [];
      await createRecord(deps, agent, mouvements(), inscription({ nom: 'Personne', prenoms: 'Unique' }), { warnings: none });
      assert.deepEqual(none, []);
    });

    test('the form shows the homonym after « enregistré »; the API returns it in `warnings`', async () => {
      const browser = await signIn();
      const form = await (await browser.get('/elections/mouvement/new')).text();
      const hidden = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
      const posted = await browser.postForm('/elections/mouvement', {
        ...hidden,
        type_mouvement: 'VOL1',
        liste: 'LP',
        date_demande: '01/10/2026',
        civilite: 'M.',
        sexe: 'M',
        nom: 'Zola',
        prenoms: 'Émile François',
        date_naissance: '01/01/1980',
        naissance_lieu: 'france',
        commune_naissance: '2A004',
        nationalite: 'FRA',
        voie: String(foch),
        numero: '75',
      });
      assert.equal(posted.status, 303, await posted.clone().text());
      const page = await (await browser.get(posted.headers.get('location') ?? '')).text();
      const status = /<div role="status">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
      assert.match(status, /Vos modifications ont bien été enregistrées\./);
      assert.match(status, /Homonyme possible : Zola Émile, né le 02\/04\/1940, inscrit sur la liste LP \(bureau 001\)/);

      const client = new TestClient(app);
      assert.equal((await client.login('agent', PASSWORD)).status, 200);
      const created = await client.request('POST', '/api/v1/elections/mouvement', {
        json: { ...inscription({ civilite: 'M.', sexe: 'M', nom: 'Zola', prenoms: 'Émile', date_naissance: '1990-12-25' }), date_naissance: '25/12/1990', date_demande: '01/10/2026' },
      });
      assert.equal(created.status, 201, created.text);
      assert.ok((created.body.warnings as string[]).includes('Homonyme possible : Zola Émile, né le 02/04/1940, inscrit sur la liste LP (bureau 001)'));
    });

    test('the refusal letter is offered and printed for a refused movement only, also once transmitted', async () => {
      const browser = await signIn();
      const sheet = async (key: unknown) => (await browser.get(`/elections/mouvement/${String(key)}`)).text();
      const print = (key: unknown) => browser.get(`/elections/mouvement/${String(key)}/pdf/lettretype/refus_mouvement`);

      const pending = await createRecord(deps, agent, mouvements(), inscription({ nom: 'Attente', prenoms: 'Paul' }));
      assert.doesNotMatch(await sheet(pending.mouvement), new RegExp(LETTRE));
      const early = await print(pending.mouvement);
      assert.equal(early.status, 409);
      assert.match(await early.text(), /La lettre de refus ne s’imprime que pour un mouvement refusé \(ou transmis après son refus\)\./);

      const refused = await createRecord(deps, agent, mouvements(), inscription({ nom: 'Refus', prenoms: 'Jeanne' }));
      await act(refused.mouvement, 'refuser', { motif_refus: 'Justificatif de domicile manquant.' });
      assert.match(await sheet(refused.mouvement), new RegExp(LETTRE));
      assert.equal((await print(refused.mouvement)).status, 200);
      await act(refused.mouvement, 'transmettre');
      assert.match(await sheet(refused.mouvement), new RegExp(LETTRE), 'transmitted after its refusal: still offered');
      assert.equal((await print(refused.mouvement)).status, 200);

      // A motif typed before « Accepter » is not a refusal: accepting clears it.
      const accepted = await createRecord(deps, agent, mouvements(), inscription({ nom: 'Accord', prenoms: 'Luc', motif_refus: 'brouillon' }));
      await act(accepted.mouvement, 'accepter');
      await act(accepted.mouvement, 'transmettre');
      const [row] = await database().ownerQuery<{ motif_refus: string | null }>(`select motif_refus from elections.mouvement where mouvement = ${Number(accepted.mouvement)}`);
      assert.equal(row?.motif_refus, null);
      assert.doesNotMatch(await sheet(accepted.mouvement), new RegExp(LETTRE));
      assert.equal((await print(accepted.mouvement)).status, 409);
    });

    test('archiving a movement deletes its pièces and their stored files', async () => {
      const mouvement = await createRecord(deps, agent, mouvements(), inscription({ nom: 'Archive', prenoms: 'Anne' }));
      await act(mouvement.mouvement, 'refuser', { motif_refus: 'Hors délai.' });
      await act(mouvement.mouvement, 'transmettre');
      const stored = await files.stage(agent, { name: 'justificatif.pdf', type: 'application/pdf', bytes: PDF }, 1);
      await files.commit(agent, stored.id, 1);
      const [type] = await database().ownerQuery<{ type_piece: number }>('select type_piece from elections.type_piece order by type_piece limit 1');
      await database().ownerQuery(
        `insert into elections.piece (mouvement, type_piece, libelle, fichier, om_collectivite) values (${Number(mouvement.mouvement)}, ${Number(type?.type_piece)}, 'Justificatif', '${stored.id}', 1)`,
      );
      assert.ok(existsSync(files.pathOf(stored.id)));

      const result = await act(mouvement.mouvement, 'archiver');
      assert.match(result.message, /ses 1 pièce\(s\) justificative\(s\) sont supprimées/);
      assert.equal(existsSync(files.pathOf(stored.id)), false, 'no orphan file on disk');
      const left = await database().ownerQuery<{ n: number }>(`select count(*)::int as n from om.om_fichier where om_fichier = '${stored.id}'`);
      assert.equal(left[0]?.n, 0, 'nor in om_fichier');
    });
  },
  { sources: SOURCES },
);

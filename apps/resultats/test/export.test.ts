/**
 * The préfecture export through the real web application, on both databases: the bureaux file (one
 * line per VALIDATED bureau, header and lines exactly), the seats file of the municipales, the
 * page that offers them, and the refusals: no INSEE code, no validated bureau, not municipales,
 * another collectivité's election, a user without `resultats.exporter`.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { createUsers } from '../../../framework/test/support/runtime.ts';
import { DOCUMENTS_FIXTURE } from './documents-data.ts';
import { PASSWORD, resultatsRuntime, SOURCES } from './support.ts';

const ENTETE_COMMUN = 'Code département;Code commune;Type;Date;Tour';

describeEachDatabase(
  'resultats : export vers la préfecture',
  (database: () => TestDatabase) => {
    let app: Hono<AppEnv>;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const refusal = async (response: Response): Promise<{ status: number; message: string }> => {
      const body = (await response.json()) as { message?: string; error?: { message?: string } };
      return { status: response.status, message: body.error?.message ?? body.message ?? JSON.stringify(body) };
    };

    before(async () => {
      await database().asOwner(DOCUMENTS_FIXTURE);
      app = createApp(await resultatsRuntime(database()));
      await createUsers(database(), [
        { login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
        { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      ]);
    });

    test('the bureaux file: a header, then one line per validated bureau, the unvalidated one left out', async () => {
      const response = await (await signIn('chef')).get('/api/v1/resultats/export-prefecture/1');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="prefecture-13004-MUN-2026-03-15-t1-bureaux\.csv"/);
      assert.equal(
        await response.text(),
        [
          `${ENTETE_COMMUN};Code bureau;Inscrits;Votants;Blancs;Nuls;Exprimés;N° panneau 1;Nuance 1;Libellé 1;Voix 1;N° panneau 2;Nuance 2;Libellé 2;Voix 2;N° panneau 3;Nuance 3;Libellé 3;Voix 3`,
          '13;13004;MUN;15/03/2026;1;001;1000;700;10;5;685;1;LDVG;Libreville Avenir;400;2;LDVD;Agir pour Libreville;200;3;LECO;Libreville Écologie;85',
          '13;13004;MUN;15/03/2026;1;002;800;500;6;4;490;1;LDVG;Libreville Avenir;250;2;LDVD;Agir pour Libreville;160;3;LECO;Libreville Écologie;80',
          '',
        ].join('\n'),
      );
    });

    test('the seats file of the municipales: votes over the validated bureaux, municipal and communautaire seats per list', async () => {
      const response = await (await signIn('chef')).get('/api/v1/resultats/export-prefecture/1/sieges');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-disposition') ?? '', /filename="prefecture-13004-MUN-2026-03-15-t1-sieges\.csv"/);
      assert.equal(
        await response.text(),
        [
          `${ENTETE_COMMUN};N° panneau;Nuance;Libellé;Voix;Sièges conseil municipal;Sièges conseil communautaire`,
          '13;13004;MUN;15/03/2026;1;1;LDVG;Libreville Avenir;650;6;2',
          '13;13004;MUN;15/03/2026;1;2;LDVD;Agir pour Libreville;360;1;0',
          '13;13004;MUN;15/03/2026;1;3;LECO;Libreville Écologie;165;0;0',
          '',
        ].join('\n'),
      );
    });

    test('refusals, in French, nothing sent', async () => {
      const chef = await signIn('chef');
      assert.deepEqual(await refusal(await chef.get('/api/v1/resultats/export-prefecture/2')), {
        status: 409,
        message: 'L’élection « Présidentielle 2027 » n’a pas de code INSEE de commune : renseignez-le sur la fiche de l’élection avant l’export vers la préfecture.',
      });
      assert.deepEqual(await refusal(await chef.get('/api/v1/resultats/export-prefecture/3')), {
        status: 409,
        message: 'Aucun bureau de l’élection « Législatives 2027 » n’est validé : validez les résultats d’au moins un bureau avant l’export vers la préfecture.',
      });
      await database().asOwner(`update resultats.election set code_commune = '13004' where election = 2`);
      try {
        assert.deepEqual(await refusal(await chef.get('/api/v1/resultats/export-prefecture/2/sieges')), {
          status: 409,
          message: 'La répartition des sièges ne se transmet que pour les élections municipales : l’élection « Présidentielle 2027 » n’en est pas une.',
        });
        const presidentielle = await chef.get('/api/v1/resultats/export-prefecture/2');
        assert.equal(presidentielle.status, 200);
        assert.equal((await presidentielle.text()).split('\n')[1], '13;13004;PRE;11/04/2027;1;001;1000;800;0;0;800;1;;Jeanne Martin;500;2;;Paul Durand;300');
      } finally {
        await database().asOwner(`update resultats.election set code_commune = null where election = 2`);
      }
      assert.deepEqual(await refusal(await chef.get('/api/v1/resultats/export-prefecture/4')), {
        status: 404,
        message: 'Cette élection n’existe pas ou n’est pas de votre collectivité.',
      });
      assert.equal((await chef.get('/api/v1/resultats/export-prefecture/abc')).status, 404);
      assert.equal((await (await signIn('agent')).get('/api/v1/resultats/export-prefecture/1')).status, 403, 'UTILISATEUR does not hold resultats.exporter');
    });

    test('the page lists each election with its files or the reason it cannot be sent; a menu entry', async () => {
      const html = (await (await (await signIn('chef')).get('/resultats/export-prefecture', { Accept: 'text/html' })).text()).replace(/&#39;|&#x27;/g, '’');
      assert.match(html, /<h1[^>]*>Export vers la préfecture<\/h1>/);
      assert.match(html, /<th scope="row">Municipales 2026<\/th><td>15\/03\/2026<\/td><td>1<\/td><td>2 sur 3<\/td>/);
      assert.match(html, /<a href="\/api\/v1\/resultats\/export-prefecture\/1" download="" aria-label="Résultats par bureau de « Municipales 2026 » \(CSV\)">/);
      assert.match(html, /<a href="\/api\/v1\/resultats\/export-prefecture\/1\/sieges" download="" aria-label="Répartition des sièges de « Municipales 2026 » \(CSV\)">/);
      assert.match(html, /Attention : bureaux pas encore validés : 1 ; le fichier ne contient que les bureaux validés/);
      assert.match(html, /L’élection « Présidentielle 2027 » n’a pas de code INSEE de commune/);
      assert.match(html, /Aucun bureau de l’élection « Législatives 2027 » n’est validé/);
      assert.doesNotMatch(html, /Autreville/);
      assert.match(html, /<a href="\/resultats\/export-prefecture"[^>]*>Export vers la préfecture<\/a>/, 'its menu entry');
      const seule = await (await (await signIn('chef')).get('/resultats/export-prefecture?election=3', { Accept: 'text/html' })).text();
      assert.match(seule, /Législatives 2027/);
      assert.doesNotMatch(seule, /Municipales 2026/);
    });
  },
  { sources: SOURCES },
);

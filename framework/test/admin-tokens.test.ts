import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApiToken } from '../src/access/api-tokens.ts';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, createAdminUsers, csrfIn, decoded, signIn } from './admin-support.ts';
import { describeEachDatabase } from './support/databases.ts';

const PAGE = '/compte/jetons';

describeEachDatabase('administration: « Mes jetons d’API »', (database) => {
  let app: Hono<AppEnv>;
  let users: Awaited<ReturnType<typeof createAdminUsers>>;

  const tokensOf = (userId: number) =>
    database().ownerQuery<{ om_api_token: number; libelle: string; revoque_le: unknown; expire_le: unknown }>(
      `select om_api_token, libelle, revoque_le, expire_le from om.om_api_token where om_utilisateur = ${userId} order by om_api_token`,
    );

  before(async () => {
    ({ app } = await adminTestApp(database()));
    users = await createAdminUsers(database());
  });

  test('the page lists nothing at first and offers the creation form', async () => {
    const agent = await signIn(app, 'agent');
    const response = await agent.get(PAGE);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const html = decoded(await response.text());
    assert.match(html, /<h1>Mes jetons d’API<\/h1>/);
    assert.match(html, /Vous n’avez encore aucun jeton\./);
    assert.match(html, /<label for="jeton-libelle">Libellé <span aria-hidden="true">\*<\/span><\/label>/);
    assert.match(html, /<input id="jeton-expiry" name="expire_le" type="date"/);
  });

  test('creating a token shows it once, then the list shows only its prefix; the token works', async () => {
    const agent = await signIn(app, 'agent');
    const token = csrfIn(await (await agent.get(PAGE)).text());
    const created = await agent.postForm(PAGE, { _csrf: token, libelle: 'Export nocturne', expire_le: '' });
    assert.equal(created.status, 200);
    assert.equal(created.headers.get('Cache-Control'), 'no-store');
    const html = decoded(await created.text());
    assert.match(html, /Le jeton « Export nocturne » a été créé\./);
    assert.match(html, /Copiez ce jeton maintenant : il ne sera plus jamais affiché\./);
    const secret = /<input id="nouveau-jeton" class="jeton" type="text" readonly="" value="(cmn_[0-9a-f]{8}_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    assert.ok(secret, 'the token is shown in a read-only field');
    assert.match(html, /<button type="button" class="copier-jeton" data-copier="nouveau-jeton"/);

    const rows = await tokensOf(users.agent);
    assert.deepEqual(rows.map((row) => [row.libelle, row.revoque_le, row.expire_le]), [['Export nocturne', null, null]]);

    const list = decoded(await (await agent.get(PAGE)).text());
    assert.doesNotMatch(list, new RegExp(secret.slice(13)), 'never shown again');
    assert.match(list, new RegExp(`<code>${secret.slice(0, 12)}</code>`));
    assert.match(list, /<th scope="row">Export nocturne<\/th>/);
    assert.match(list, /<td>Actif<\/td>/);
    assert.match(list, /<td>Jamais<\/td>/);

    const api = await app.request('http://commun.test/api/v1/me', { headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } });
    assert.equal(api.status, 200);
  });

  test('the label is required, the expiry must be a date to come; the input is kept', async () => {
    const agent = await signIn(app, 'agent');
    const token = csrfIn(await (await agent.get(PAGE)).text());
    const before = (await tokensOf(users.agent)).length;
    const empty = await agent.postForm(PAGE, { _csrf: token, libelle: '  ', expire_le: '31/02/2030' });
    assert.equal(empty.status, 422);
    const html = decoded(await empty.text());
    assert.match(html, /<a href="#jeton-libelle">Le champ « Libellé » est obligatoire\.<\/a>/);
    assert.match(html, /<a href="#jeton-expiry">Le champ « Date d’expiration » doit contenir une date valide au format JJ\/MM\/AAAA\.<\/a>/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /value="31\/02\/2030"/);
    const past = await agent.postForm(PAGE, { _csrf: token, libelle: 'Vieux', expire_le: '01/01/2020' });
    assert.equal(past.status, 422);
    assert.match(decoded(await past.text()), /La date d’expiration ne peut pas être passée/);
    assert.equal((await tokensOf(users.agent)).length, before);

    const dated = await agent.postForm(PAGE, { _csrf: token, libelle: 'Daté', expire_le: '15032099' });
    assert.equal(dated.status, 200);
    const rows = await tokensOf(users.agent);
    assert.ok(rows.at(-1)?.expire_le, 'JJMMAAAA accepted');
  });

  test('revoking one’s own token; another user’s token cannot be revoked', async () => {
    const agent = await signIn(app, 'agent');
    const token = csrfIn(await (await agent.get(PAGE)).text());
    const mine = await createApiToken(database().db.kysely, users.agent, 'À révoquer');
    const theirs = await createApiToken(database().db.kysely, users.admin1, 'Celui d’un autre');

    assert.equal((await agent.postForm(`${PAGE}/${mine.info.id}/revoquer`, {})).status, 403, 'CSRF applies');
    const refused = await agent.postForm(`${PAGE}/${theirs.info.id}/revoquer`, { _csrf: token });
    assert.equal(refused.status, 404);
    assert.match(decoded(await refused.text()), /Ce jeton n’existe pas ou a déjà été révoqué\./);
    assert.equal((await tokensOf(users.admin1)).find((row) => row.om_api_token === theirs.info.id)?.revoque_le, null);

    const revoked = await agent.postForm(`${PAGE}/${mine.info.id}/revoquer`, { _csrf: token });
    assert.equal(revoked.status, 303);
    assert.equal(revoked.headers.get('Location'), PAGE);
    assert.ok((await tokensOf(users.agent)).find((row) => row.om_api_token === mine.info.id)?.revoque_le);
    const page = decoded(await (await agent.get(PAGE)).text());
    assert.match(page, /Le jeton « À révoquer » est révoqué : il ne permet plus d’accéder à l’API\./);
    assert.match(page, /<td>Révoqué le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/td>/);
    const api = await app.request('http://commun.test/api/v1/me', { headers: { Authorization: `Bearer ${mine.token}`, Accept: 'application/json' } });
    assert.equal(api.status, 401);
    assert.equal((await agent.postForm(`${PAGE}/${mine.info.id}/revoquer`, { _csrf: token })).status, 404, 'only once');
  });

  test('without the permission `api_token` the page is refused', async () => {
    await database().asOwner(`delete from om.om_droit where libelle = 'api_token'`);
    try {
      const agent = await signIn(app, 'agent');
      assert.equal((await agent.get(PAGE)).status, 403);
    } finally {
      await database().asOwner(`insert into om.om_droit (libelle, om_profil) values ('api_token', 5)`);
    }
  });

  test('administrators revoke anyone’s token with the « Révoquer » action of om_api_token', async () => {
    await database().asOwner(`insert into om.om_droit (libelle, om_profil) values ('om_api_token', 1) on conflict do nothing`);
    const victim = await createApiToken(database().db.kysely, users.agent, 'Oublié sur un poste');
    const admin = await signIn(app, 'admin1');
    const csrf = csrfIn(await (await admin.get(PAGE)).text());
    const action = await admin.request(`/api/v1/om/om_api_token/${victim.info.id}/revoquer`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    });
    assert.equal(action.status, 200);
    assert.deepEqual(((await action.json()) as { message: string }).message, 'Le jeton « Oublié sur un poste » est révoqué : il ne permet plus d’accéder à l’API.');
    assert.ok((await tokensOf(users.agent)).find((row) => row.om_api_token === victim.info.id)?.revoque_le);
    const twice = await admin.request(`/api/v1/om/om_api_token/${victim.info.id}/revoquer`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    });
    assert.equal(twice.status, 409, 'not available on a revoked token');
    // A niveau-1 administrator does not reach the tokens of another collectivité's users.
    const elsewhere = await createApiToken(database().db.kysely, users.admin2, 'Syndicat');
    const hidden = await admin.request(`/api/v1/om/om_api_token/${elsewhere.info.id}/revoquer`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    });
    assert.equal(hidden.status, 404);
    assert.equal((await tokensOf(users.admin2)).find((row) => row.om_api_token === elsewhere.info.id)?.revoque_le, null);
    // A revoked token cannot be brought back by an edit.
    const edit = await admin.request(`/api/v1/om/om_api_token/${victim.info.id}`, {
      method: 'PATCH',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ revoque_le: null }),
    });
    assert.equal(edit.status, 422);
    assert.match(await edit.text(), /ne peut pas être modifié/);
    assert.ok((await tokensOf(users.agent)).find((row) => row.om_api_token === victim.info.id)?.revoque_le);
  });
});

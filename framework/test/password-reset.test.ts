import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { requestPasswordReset } from '../src/access/password-reset.ts';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { Browser, createUser, startSmtpSink, testApp, testRuntime, type CapturedMail } from './support/auth.ts';

const PASSWORD = 'Mot-de-passe-42';
const NEW_PASSWORD = 'Oublie-puis-retrouve-7';
const SAME_ANSWER = 'Si un compte correspond, un message vient d’être envoyé.';

function linkIn(mail: CapturedMail): { url: string; path: string } {
  const match = /http:\/\/commun\.test(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no link in:\n${mail.text}`);
  return { url: match[0], path: match[1] };
}

/** Fails instead of hanging when no e-mail comes. */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('no e-mail received')), ms).unref())]);
}

describeEachDatabase('forgotten password', (database) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let runtime: Runtime;
  let app: Hono<AppEnv>;

  before(async () => {
    sink = await startSmtpSink();
    runtime = testRuntime(database(), { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'Commun <commun@example.org>' });
    app = testApp(runtime);
    await createUser(database(), { login: 'hugo', password: PASSWORD, email: 'hugo@mairie.example', nom: 'Hugo Lefèvre' });
    await createUser(database(), { login: 'ines', password: PASSWORD, email: 'Ines@Mairie.example' });
    await createUser(database(), { login: 'jules', password: PASSWORD, email: 'jules@mairie.example' });
    await createUser(database(), { login: 'annu', type: 'LDAP', email: 'annu@mairie.example' });
  });
  after(async () => {
    await sink.close();
  });

  test('end to end: request, e-mail with a link, new password, sessions ended, single use', async () => {
    const victim = new Browser(app, '192.0.2.70');
    await victim.login('hugo', PASSWORD);
    assert.equal((await victim.get('/')).status, 200);

    const browser = new Browser(app);
    const form = await browser.get('/password/forgot');
    const formHtml = await form.text();
    assert.match(formHtml, /<label for="identifiant">Identifiant ou adresse électronique<\/label>/);
    const token = /name="_csrf" value="([^"]+)"/.exec(formHtml)?.[1] ?? '';
    assert.equal((await browser.postForm('/password/forgot', { identifiant: 'hugo' })).status, 403, 'CSRF applies');
    const answer = await browser.postForm('/password/forgot', { _csrf: token, identifiant: 'hugo' });
    assert.equal(answer.status, 200);
    assert.ok((await answer.text()).includes(SAME_ANSWER));

    const mail = await within(sink.next());
    assert.deepEqual(mail.to, ['hugo@mairie.example']);
    assert.match(mail.text, /Bonjour Hugo Lefèvre,/);
    assert.match(mail.text, /valable une heure/);
    const link = linkIn(mail);
    const stored = await database().ownerQuery<{ empreinte: string; minutes: number }>(
      `select empreinte, round(extract(epoch from expire_le - cree_le) / 60)::int as minutes from om.om_password_reset`,
    );
    assert.ok(stored.every((row) => !link.path.includes(row.empreinte)), 'only the hash is stored');
    assert.equal(stored[0]?.minutes, 60);

    const page = await browser.get(link.path);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
    const pageHtml = await page.text();
    assert.match(pageHtml, /autocomplete="new-password"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(pageHtml)?.[1] ?? '';

    const weak = await browser.postForm(link.path, { _csrf: csrf, password: 'hugo-hugo-hugo-1', confirmation: 'hugo-hugo-hugo-1' });
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /ne doit pas contenir l’identifiant/);

    const done = await browser.postForm(link.path, { _csrf: csrf, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Votre mot de passe a été changé/);

    assert.equal((await victim.get('/')).status, 303, 'the sessions opened before have ended');
    const check = new Browser(app, '192.0.2.71');
    assert.equal((await check.login('hugo', PASSWORD)).status, 401);
    assert.equal((await check.login('hugo', NEW_PASSWORD)).status, 303);

    assert.equal((await browser.get(link.path)).status, 404, 'single use');
    const again = await browser.postForm(link.path, { _csrf: csrf, password: 'Encore-un-autre-9', confirmation: 'Encore-un-autre-9' });
    assert.equal(again.status, 404);
    assert.match(await again.text(), /n’est plus valable/);
  });

  test('the same answer for an unknown account, and no e-mail', async () => {
    const unknown = requestPasswordReset(runtime, 'personne@ailleurs.example');
    const ldap = requestPasswordReset(runtime, 'annu');
    assert.equal(unknown.message, SAME_ANSWER);
    assert.equal(ldap.message, SAME_ANSWER);
    await unknown.sent;
    await ldap.sent;
    assert.equal(sink.mails.length, 0);
  });

  test('by e-mail address, case-insensitive', async () => {
    const { sent } = requestPasswordReset(runtime, 'ines@mairie.EXAMPLE');
    await sent;
    const mail = await within(sink.next());
    assert.deepEqual(mail.to.map((address) => address.toLowerCase()), ['ines@mairie.example']);
    assert.match(mail.text, /« ines »/);
  });

  test('a link is valid for one hour', async () => {
    await requestPasswordReset(runtime, 'jules').sent;
    const link = linkIn(await within(sink.next()));
    const browser = new Browser(app);
    assert.equal((await browser.get(link.path)).status, 200);
    await database().asOwner(`update om.om_password_reset set expire_le = now() - interval '1 second', cree_le = cree_le - interval '61 minutes' where utilise_le is null`);
    const expired = await browser.get(link.path);
    assert.equal(expired.status, 404);
    assert.match(await expired.text(), /faites une nouvelle demande/);
  });

  test('a password change cancels pending links; requests are limited per hour', async () => {
    for (let request = 0; request < 4; request++) await requestPasswordReset(runtime, 'jules').sent;
    const mails = [await within(sink.next()), await within(sink.next()), await within(sink.next())];
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(sink.mails.length, 0, 'no fourth e-mail within the hour');
    const browser = new Browser(app);
    await browser.login('jules', PASSWORD);
    const csrf = await browser.formToken('/password');
    await browser.postForm('/password', { _csrf: csrf, current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    for (const mail of mails) assert.equal((await browser.get(linkIn(mail).path)).status, 404);
  });

  test('without SMTP the message goes to the log and nothing fails', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const { createMailer } = await import('../src/access/mailer.ts');
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const mailer = createMailer(testRuntime(database()).config, logger);
    await mailer.send({ to: 'x@example.org', subject: 'Essai', text: 'lien http://commun.test/password/reset/abc' });
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /aucun serveur SMTP/);
    assert.match(lines[0] ?? '', /password\/reset\/abc/);
  });
});

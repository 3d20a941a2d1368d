import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  codeAt,
  groupedKey,
  looksLikeRecoveryCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  recoveryCodeDigest,
} from '../src/access/totp/codes.ts';
import { open, seal } from '../src/access/totp/secret-box.ts';
import { administersAccounts, secondFactorRequired } from '../src/access/totp/policy.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/access/actor.ts';
import { instanceKey } from '../src/config/instance-key.ts';
import { loadConfig } from '../src/config/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'commun-totp-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('codes follow RFC 6238 (SHA-1, 6 digits, 30 s) with one step of tolerance', () => {
  // RFC 6238, appendix B: the SHA-1 seed « 12345678901234567890 », T = 59 s → 94287082 (8 digits; 6 here: 287082).
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(codeAt(rfcSecret, 59_000), '287082');
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/, '160 bits, base32');
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);
  assert.equal(matchingStep(secret, codeAt(secret, now), now), step);
  assert.equal(matchingStep(secret, codeAt(secret, now - 30_000), now), step - 1, 'a phone 30 s late');
  assert.equal(matchingStep(secret, codeAt(secret, now + 30_000), now), step + 1, 'a phone 30 s early');
  assert.equal(matchingStep(secret, codeAt(secret, now - 60_000), now), undefined, 'two steps away: refused');
  assert.equal(matchingStep(secret, ` ${codeAt(secret, now).replace(/^(\d{3})/, '$1 ')} `, now), step, 'spaces typed are dropped');
  assert.equal(matchingStep(secret, 'abcdef', now), undefined);
  assert.equal(matchingStep(secret, '', now), undefined);
});

test('the otpauth address and the key as a person types it', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const uri = otpauthUri(secret, 'agent');
  assert.equal(uri, 'otpauth://totp/Commun:agent?issuer=Commun&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
  assert.equal(groupedKey(secret), 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
});

test('recovery codes: 16 unambiguous characters, compared without case or dashes', () => {
  const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
  assert.equal(codes.size, 200);
  for (const code of codes) assert.match(code, /^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){3}$/);
  const [first = ''] = codes;
  assert.ok(looksLikeRecoveryCode(first.toLowerCase().replaceAll('-', ' ')));
  assert.equal(recoveryCodeDigest(first.toLowerCase()), recoveryCodeDigest(first));
  assert.match(recoveryCodeDigest(first), /^[0-9a-f]{64}$/);
  assert.equal(looksLikeRecoveryCode('123456'), false);
});

test('the secret box opens only with its key and for its owner, and reveals nothing', () => {
  const key = instanceKey({ instanceSecret: 'x'.repeat(40), dataDir: folder }, 'totp');
  const other = instanceKey({ instanceSecret: 'y'.repeat(40), dataDir: folder }, 'totp');
  const box = seal(key, 'JBSWY3DPEHPK3PXP', 'om_utilisateur:7');
  assert.match(box, /^v1\.[A-Za-z0-9_-]+$/);
  assert.ok(!box.includes('JBSWY3DPEHPK3PXP'));
  assert.notEqual(seal(key, 'JBSWY3DPEHPK3PXP', 'om_utilisateur:7'), box, 'a fresh IV each time');
  assert.equal(open(key, box, 'om_utilisateur:7'), 'JBSWY3DPEHPK3PXP');
  assert.equal(open(key, box, 'om_utilisateur:8'), undefined, 'copied onto another account');
  assert.equal(open(other, box, 'om_utilisateur:7'), undefined, 'another instance key');
  const tampered = box.slice(0, -2) + (box.endsWith('A') ? 'B' : 'A') + box.slice(-1);
  assert.equal(open(key, tampered, 'om_utilisateur:7'), undefined);
  assert.equal(open(key, 'n’importe quoi', 'om_utilisateur:7'), undefined);
});

test('the instance key: from COMMUN_CLE_INSTANCE, else a private file written once; one key per purpose', () => {
  const fromFile = instanceKey({ instanceSecret: undefined, dataDir: folder }, 'totp');
  const path = join(folder, 'cle-instance');
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const written = readFileSync(path, 'utf8');
  assert.deepEqual(instanceKey({ instanceSecret: undefined, dataDir: folder }, 'totp'), fromFile);
  assert.equal(readFileSync(path, 'utf8'), written, 'not rewritten');
  assert.notDeepEqual(instanceKey({ instanceSecret: undefined, dataDir: folder }, 'autre'), fromFile);
  assert.equal(fromFile.length, 32);
  assert.throws(() => instanceKey({ instanceSecret: 'court', dataDir: folder }, 'totp'), /COMMUN_CLE_INSTANCE doit compter au moins 32 caractères/);
});

test('COMMUN_DOUBLE_AUTHENTIFICATION: aucun by default, administrateurs, tous; anything else (or a short COMMUN_CLE_INSTANCE) stops the start-up', () => {
  assert.equal(loadConfig({}).twoFactor.required, 'aucun');
  assert.equal(loadConfig({ COMMUN_DOUBLE_AUTHENTIFICATION: 'Administrateurs' }).twoFactor.required, 'administrateurs');
  assert.equal(loadConfig({ COMMUN_DOUBLE_AUTHENTIFICATION: 'tous' }).twoFactor.required, 'tous');
  assert.throws(() => loadConfig({ COMMUN_DOUBLE_AUTHENTIFICATION: 'admins' }), /doit valoir « aucun », « administrateurs » ou « tous » \(reçu « admins »\)/);
  assert.throws(() => loadConfig({ COMMUN_CLE_INSTANCE: 'trop-courte' }), /COMMUN_CLE_INSTANCE doit compter au moins 32 caractères/);
  assert.equal(loadConfig({ COMMUN_CLE_INSTANCE: 'k'.repeat(32) }).instanceSecret, 'k'.repeat(32));
});

test('who counts as an administrator: whoever may create or change accounts, profiles or rights', () => {
  const actor = (permissions: string[]): Actor => ({ ...SYSTEM_ACTOR, userId: 5, via: 'session', permissions: new Set(permissions) });
  assert.equal(administersAccounts(actor(['om_utilisateur'])), true);
  assert.equal(administersAccounts(actor(['om_utilisateur_modifier'])), true);
  assert.equal(administersAccounts(actor(['om_droit_ajouter'])), true);
  assert.equal(administersAccounts(actor(['om_profil'])), true);
  assert.equal(administersAccounts(actor(['om_utilisateur_consulter', 'om_utilisateur_tab', 'password'])), false);
  const agent = actor(['password']);
  assert.equal(secondFactorRequired({ required: 'administrateurs' }, agent), false);
  assert.equal(secondFactorRequired({ required: 'tous' }, agent), true);
  assert.equal(secondFactorRequired({ required: 'aucun' }, actor(['om_utilisateur'])), false);
});

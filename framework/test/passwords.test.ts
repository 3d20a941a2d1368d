import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseOptions } from '@node-rs/argon2';
import {
  dummyVerify,
  hashPassword,
  isLegacyMd5,
  passwordProblems,
  verifyPassword,
} from '../src/access/passwords.ts';

const md5 = (value: string) => createHash('md5').update(value).digest('hex');

describe('password hashing', () => {
  test('hashes with argon2id, m=19456 t=2 p=1, salted', async () => {
    const first = await hashPassword('Correct-cheval-42');
    const second = await hashPassword('Correct-cheval-42');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second);
    const options = parseOptions(first);
    assert.equal(options.memoryCost, 19456);
    assert.equal(options.timeCost, 2);
    assert.equal(options.parallelism, 1);
  });

  test('verifies an argon2id hash', async () => {
    const stored = await hashPassword('Correct-cheval-42');
    assert.deepEqual(await verifyPassword(stored, 'Correct-cheval-42'), { ok: true, needsRehash: false });
    assert.deepEqual(await verifyPassword(stored, 'correct-cheval-42'), { ok: false, needsRehash: false });
  });

  test('accepts a legacy openMairie md5 hash once, and asks for a rehash', async () => {
    assert.ok(isLegacyMd5(md5('admin')));
    assert.deepEqual(await verifyPassword(md5('admin'), 'admin'), { ok: true, needsRehash: true });
    assert.deepEqual(await verifyPassword(md5('admin').toUpperCase(), 'admin'), { ok: true, needsRehash: true });
    assert.deepEqual(await verifyPassword(md5('admin'), 'Admin'), { ok: false, needsRehash: false });
  });

  test('asks for a rehash of an argon2 hash weaker than the policy', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('Correct-cheval-42', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    assert.deepEqual(await verifyPassword(weak, 'Correct-cheval-42'), { ok: true, needsRehash: true });
  });

  test('refuses anything else stored in pwd', async () => {
    assert.deepEqual(await verifyPassword('', ''), { ok: false, needsRehash: false });
    assert.deepEqual(await verifyPassword('admin', 'admin'), { ok: false, needsRehash: false });
    assert.deepEqual(await verifyPassword('$argon2id$broken', 'x'), { ok: false, needsRehash: false });
  });

  test('the dummy verification takes the time of a real one and never throws', async () => {
    const stored = await hashPassword('Correct-cheval-42');
    await dummyVerify('warm-up');
    const started = performance.now();
    await verifyPassword(stored, 'wrong');
    const real = performance.now() - started;
    const again = performance.now();
    await dummyVerify('wrong');
    const dummy = performance.now() - again;
    assert.ok(dummy > real / 4, `dummy ${dummy.toFixed(1)} ms vs real ${real.toFixed(1)} ms`);
  });
});

describe('password strength', () => {
  test('accepts a long password with three kinds of characters', () => {
    assert.deepEqual(passwordProblems('Correct-cheval-agrafe', 'jdupont'), []);
    assert.deepEqual(passwordProblems('élection2026municipale', 'x'), ['Le mot de passe doit mélanger au moins trois sortes de caractères parmi : minuscules, majuscules, chiffres, autres caractères.']);
    assert.deepEqual(passwordProblems('Élection2026municipale', 'x'), []);
  });

  test('at least 12 characters, in French', () => {
    assert.deepEqual(passwordProblems('Court-42', ''), ['Le mot de passe doit contenir au moins 12 caractères.']);
    // Characters, not UTF-16 units nor bytes.
    assert.deepEqual(passwordProblems('Éé1-Éé1-Éé1-', ''), []);
  });

  test('at least three kinds among lower, upper, digits, others', () => {
    assert.equal(passwordProblems('toutenminuscules', '').length, 1);
    assert.equal(passwordProblems('minusculesetMAJUSCULES', '').length, 1);
    assert.deepEqual(passwordProblems('minuscules-et-MAJUSCULES', ''), []);
    assert.deepEqual(passwordProblems('minuscules-et-1234', ''), []);
  });

  test('must not contain the login, whatever the case', () => {
    assert.deepEqual(passwordProblems('Bonjour-JDupont-2026', 'jdupont'), ['Le mot de passe ne doit pas contenir l’identifiant.']);
  });

  test('reports every problem at once', () => {
    assert.equal(passwordProblems('admin', 'admin').length, 3);
  });
});

import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The instance's secret, from which the keys of its encrypted or signed data derive (the TOTP
 * secrets, signed links). It lives outside the database, so that a copy of the database (or of a
 * backup archive, which leaves it out) does not hold it: `COMMUN_CLE_INSTANCE` (the same value on
 * every server of the instance, at least 32 characters), else the file `<dataDir>/cle-instance`,
 * written at first use with 32 random bytes and readable by its owner only.
 */
export const INSTANCE_KEY_FILE = 'cle-instance';
const MINIMUM_LENGTH = 32;

export interface InstanceKeySource {
  readonly instanceSecret: string | undefined;
  readonly dataDir: string;
}

/** COMMUN_CLE_INSTANCE, read with the configuration: a key too short stops the start-up rather than the first sign-in. */
export function instanceSecretFrom(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.COMMUN_CLE_INSTANCE;
  if (value === undefined || value === '') return undefined;
  if (value.length < MINIMUM_LENGTH) throw new Error(`COMMUN_CLE_INSTANCE doit compter au moins ${MINIMUM_LENGTH} caractères.`);
  return value;
}

const secrets = new Map<string, Buffer>();

function readOrCreateFile(dataDir: string): Buffer {
  const path = join(dataDir, INSTANCE_KEY_FILE);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  try {
    // `wx`: two processes starting together do not overwrite each other's key.
    writeFileSync(path, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
}

function instanceSecret(source: InstanceKeySource): Buffer {
  const cacheKey = source.instanceSecret === undefined ? `file:${source.dataDir}` : `env:${source.instanceSecret}`;
  let secret = secrets.get(cacheKey);
  if (!secret) {
    if (source.instanceSecret !== undefined && source.instanceSecret.length < MINIMUM_LENGTH) {
      throw new Error(`COMMUN_CLE_INSTANCE doit compter au moins ${MINIMUM_LENGTH} caractères.`);
    }
    secret = source.instanceSecret === undefined ? readOrCreateFile(source.dataDir) : Buffer.from(source.instanceSecret, 'utf8');
    if (secret.length < 16) throw new Error(`Le fichier ${join(source.dataDir, INSTANCE_KEY_FILE)} ne contient pas une clé utilisable.`);
    secrets.set(cacheKey, secret);
  }
  return secret;
}

/** A 32-byte key for one purpose (`totp`, `notifications`…): different purposes never share a key. */
export function instanceKey(source: InstanceKeySource, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', instanceSecret(source), 'commun', `commun/${purpose}`, 32));
}

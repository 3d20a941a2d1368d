/**
 * The demo logo (issue 10 §10): a small PNG drawn here (blue, white and red bands, 90 × 60
 * pixels, under 1 kB), stored through the file store as an uploaded logo would be, under the code
 * `logo` of a collectivité. Does nothing when that collectivité already has a logo of that code.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../access/actor.ts';
import { writeAs } from '../../db/tenant-context.ts';
import { FileStore } from '../../files/index.ts';
import { BRANDING_LOGO_CODE, type LogoSource } from './index.ts';

/** The demo logo is the collectivité's own (its identité visuelle). */
export const DEMO_LOGO_CODE = BRANDING_LOGO_CODE;

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

type Rgb = readonly [number, number, number];

/** The French flag's colours: the default demo logo. */
export const TRICOLOUR: readonly [Rgb, Rgb, Rgb] = [
  [0, 35, 149],
  [255, 255, 255],
  [237, 41, 57],
];

/** Three vertical bands of equal width, RGB, 8 bits a channel. */
export function demoLogoPng(width = 90, height = 60, bands: readonly [Rgb, Rgb, Rgb] = TRICOLOUR): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(bands[Math.min(2, Math.floor((x * 3) / width))] ?? [0, 0, 0], 1 + x * 3);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

/** Adds the demo logo (or `png`) to `collectivite` (once). */
export async function installDemoLogo(source: LogoSource, collectivite: number, libelle = 'Logo de la collectivité', png: Uint8Array = demoLogoPng()): Promise<void> {
  const db = source.db.kysely;
  const existing = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (await sql<{ n: number }>`select count(*)::int as n from om.om_logo where id = ${DEMO_LOGO_CODE} and om_collectivite = ${collectivite}`.execute(trx)).rows,
  );
  if ((existing[0]?.n ?? 0) > 0) return;
  const store = new FileStore(db, join(source.config.dataDir, 'fichiers'));
  const file = await store.stage(SYSTEM_ACTOR, { name: 'logo.png', type: 'image/png', bytes: png }, collectivite);
  try {
    await writeAs(db, SYSTEM_ACTOR, (trx) =>
      sql`insert into om.om_logo (id, libelle, description, fichier, resolution, actif, om_collectivite)
        values (${DEMO_LOGO_CODE}, ${libelle}, ${'Logo de démonstration'}, ${file.id}, ${150}, true, ${collectivite})`.execute(trx),
    );
    await store.commit(SYSTEM_ACTOR, file.id, collectivite);
  } catch (error) {
    await store.remove(SYSTEM_ACTOR, file.id);
    throw error;
  }
}

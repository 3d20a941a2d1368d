/**
 * The logos of états and lettres types (`om_logo`): an image in the file store, named by its code
 * (`id`). A document uses the active logo of that code in the user's collectivité, else the one of
 * the niveau-2 collectivité (shared by the towns it serves, as in openMairie).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import { FileStore, isFileId } from '../../files/index.ts';

export interface LogoImage {
  readonly data: Buffer;
  /** In pixels. */
  readonly width: number;
  readonly height: number;
  /** `image/png` or `image/jpeg`. */
  readonly type: string;
  /** Dots per inch declared on the logo (`resolution`), for its printed size; undefined: none. */
  readonly resolution: number | undefined;
}

/** Where the logos' data and images are: the runtime (or anything with its database and data folder). */
export interface LogoSource {
  readonly db: { readonly kysely: Db };
  readonly config: { readonly dataDir: string };
}

interface LogoRow {
  fichier: string;
  resolution: number | null;
}

const ACCEPTED = new Set(['png', 'jpg']);

/**
 * The code of a collectivité's own logo (its identité visuelle): shown in the header of its pages
 * and printed by its documents whose template names no logo of its own.
 */
export const BRANDING_LOGO_CODE = 'logo';

/**
 * The active logo of this code: the actor's (working) collectivité's, else (`shared`) a niveau-2
 * one's (`withShared`).
 */
async function activeLogo(db: Db, actor: Actor, code: string, withShared = true): Promise<LogoRow | undefined> {
  const own = await readAs(db, actor, async (connection) =>
    (
      await sql<LogoRow>`select fichier, resolution from om.om_logo
        where id = ${code} and actif is true and om_collectivite = ${actor.workingCollectivite}
        order by om_logo limit 1`.execute(connection)
    ).rows,
  );
  if (own[0] || !withShared) return own[0];
  // The niveau-2 collectivité's logo serves every town: read by the framework, not under the user's RLS.
  const shared = await readAs(db, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<LogoRow>`select l.fichier, l.resolution from om.om_logo l
        join om.om_collectivite c on c.om_collectivite = l.om_collectivite
        where l.id = ${code} and l.actif is true and c.niveau = '2'
        order by l.om_collectivite, l.om_logo limit 1`.execute(connection)
    ).rows,
  );
  return shared[0];
}

/**
 * The image of the logo `code` for a document printed by `actor`, with its size in pixels;
 * undefined when there is none (no active logo of that code, file missing or not an image).
 */
export async function logoImage(source: LogoSource, actor: Actor, code: string): Promise<LogoImage | undefined> {
  if (code.trim() === '') return undefined;
  return imageOf(source, await activeLogo(source.db.kysely, actor, code));
}

/**
 * The logo a document prints: the one its template names (`code`), else the collectivité's own
 * logo (its identité visuelle; never the niveau-2 one's, which is another collectivité's).
 */
export async function documentLogo(source: LogoSource, actor: Actor, code: string | null): Promise<LogoImage | undefined> {
  if (code !== null && code.trim() !== '') return logoImage(source, actor, code);
  return imageOf(source, await activeLogo(source.db.kysely, actor, BRANDING_LOGO_CODE, false));
}

async function imageOf(source: LogoSource, logo: LogoRow | undefined): Promise<LogoImage | undefined> {
  const db = source.db.kysely;
  if (!logo || !isFileId(logo.fichier)) return undefined;
  const store = new FileStore(db, join(source.config.dataDir, 'fichiers'));
  let data: Buffer;
  try {
    data = await readFile(store.pathOf(logo.fichier));
  } catch {
    return undefined;
  }
  const size = imageDimensions(data);
  if (!size) return undefined;
  const resolution = logo.resolution !== null && Number(logo.resolution) > 0 ? Number(logo.resolution) : undefined;
  return { data, ...size, resolution };
}

/** Width, height and type of a PNG or JPEG image; undefined for anything else. */
export function imageDimensions(data: Uint8Array): { width: number; height: number; type: string } | undefined {
  try {
    const size = imageSize(data);
    if (!size.type || !ACCEPTED.has(size.type) || !size.width || !size.height) return undefined;
    return { width: size.width, height: size.height, type: size.type === 'png' ? 'image/png' : 'image/jpeg' };
  } catch {
    return undefined;
  }
}

import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The static files, from a fixed allow-list (no path from the request ever reaches the file
 * system): the stylesheet (`commun.css` then each area's `css/*.css`, in one file), the scripts
 * of the screens (`js/*.js`, each an independent IIFE, in one file), htmx 2 and Chart.js 4 (the
 * dashboard's charts, loaded by the pages that draw one), served from their npm packages, the
 * template editor (bundled by esbuild from `editor/` on first use, loaded by `js/gabarit.js`
 * where a page has a template field), and the favicon. Pages link them with `assetUrl(name)`, which adds a hash of the content: the files
 * can then be cached for a year. `/favicon.ico`, which browsers and tools ask for by themselves,
 * leads to the favicon.
 */
const require = createRequire(import.meta.url);

/** The files of a folder of this one with this extension, in name order. */
function folder(name: string, extension: string): URL[] {
  const directory = new URL(`./${name}/`, import.meta.url);
  return readdirSync(directory)
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => new URL(file, directory));
}

const FILES = {
  'commun.css': { paths: () => [new URL('./commun.css', import.meta.url), ...folder('css', '.css')], type: 'text/css; charset=utf-8' },
  'commun.js': { paths: () => folder('js', '.js'), type: 'text/javascript; charset=utf-8' },
  'htmx.min.js': { paths: () => [require.resolve('htmx.org/dist/htmx.min.js')], type: 'text/javascript; charset=utf-8' },
  // The package exports only its modules: the browser build is found beside the main one.
  'chart.umd.min.js': { paths: () => [new URL('./chart.umd.min.js', pathToFileURL(require.resolve('chart.js')))], type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { paths: () => [new URL('./favicon.svg', import.meta.url)], type: 'image/svg+xml' },
  // ProConnect's logo, drawn by the login page's button (css/proconnect.css).
  'proconnect.svg': { paths: () => [new URL('./proconnect.svg', import.meta.url)], type: 'image/svg+xml' },
  // The template editor (ProseMirror), bundled from `editor/` by esbuild on first use.
  'editeur-gabarit.js': { build: () => bundle(new URL('./editor/index.ts', import.meta.url)), type: 'text/javascript; charset=utf-8' },
  // The maps (OpenLayers, proj4), bundled from `carte/` by esbuild on first use, and OpenLayers' stylesheet.
  'carte.js': { build: () => bundle(new URL('./carte/index.ts', import.meta.url)), type: 'text/javascript; charset=utf-8' },
  'ol.css': { paths: () => [require.resolve('ol/ol.css')], type: 'text/css; charset=utf-8' },
} as const;

/** One browser script (an IIFE) from a TypeScript entry and its packages. */
function bundle(entry: URL): Buffer {
  const result = buildSync({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild: rien produit pour ${entry.pathname}`);
  return Buffer.from(output.contents);
}

export type StaticName = keyof typeof FILES;

interface Loaded {
  body: Uint8Array<ArrayBuffer>;
  hash: string;
}

const loaded = new Map<StaticName, Loaded>();

function load(name: StaticName): Loaded {
  let file = loaded.get(name);
  if (!file) {
    const spec: { paths?: () => (URL | string)[]; build?: () => Buffer } = FILES[name];
    const parts = spec.build ? [spec.build()] : (spec.paths?.() ?? []).map((path) => readFileSync(path));
    const body: Uint8Array<ArrayBuffer> = new Uint8Array(Buffer.concat(parts.flatMap((part) => [part, Buffer.from('\n')])));
    file = { body, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    loaded.set(name, file);
  }
  return file;
}

/** `/static/<name>?v=<hash of the content>`. */
export function assetUrl(name: StaticName): string {
  return `/static/${name}?v=${load(name).hash}`;
}

const isStaticName = (name: string): name is StaticName => Object.hasOwn(FILES, name);

/** `GET /static/<name>` for the allow-listed files; anything else falls through to the 404. */
export function staticRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The address follows the icon's content: a day's cache, not a year's.
  routes.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.redirect(assetUrl('favicon.svg'), 302);
  });
  routes.get('/static/:name', async (c, next) => {
    const name = c.req.param('name');
    if (!isStaticName(name)) return next();
    const file = load(name);
    const etag = `"${file.hash}"`;
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', etag);
    // Compressed, the answer carries the weak form W/"…" of the tag: either form matches.
    if (c.req.header('If-None-Match')?.replace(/^W\//, '') === etag) return c.body(null, 304);
    c.header('Content-Type', FILES[name].type);
    return c.body(file.body);
  });
  return routes;
}

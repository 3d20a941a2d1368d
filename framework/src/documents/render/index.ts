/**
 * États and lettres types rendered to PDF for one record (issue 10 §2–§4): the definition chosen
 * for the user's collectivité, its source's first row as merge fields, the collectivité's settings
 * as variables, the title block and logo at their positions, the body's blocks flowing over as
 * many pages as needed, sous-états from their own SQL, barcodes, and « Page n/N » on every page.
 * The caller has checked the permission to print and that the record is visible to the user.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { settingsOf } from '../../access/settings.ts';
import { readAs } from '../../db/tenant-context.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { ServiceError } from '../../records/errors.ts';
import type { Database } from '../../db/connection.ts';
import type { Registry } from '../../model/registry.ts';
import { documentLogo, type LogoImage } from '../logos/index.ts';
import { RECORD_KEY, runSource, streamSqlSource, type SourceResult } from '../sources/index.ts';
import { barcodePng } from './barcode.ts';
import { templateBlocks, type Block } from './blocks.ts';
import { findDocument, findSousEtat, type DocumentDefinition, type DocumentKind } from './definition.ts';
import { fontFaces } from './fonts.ts';
import { frenchDate } from './format.ts';
import { borderSides, pageSize, pt, rgb } from './geometry.ts';
import { drawBodyTable } from './grid.ts';
import { drawSousEtat } from './sousetat.ts';
import { substitute, type Substitutions } from './substitute.ts';
import { PageWriter } from './writer.ts';

export { DOCUMENT_KINDS, documentsOf, findDocument, type DocumentDefinition, type DocumentKind } from './definition.ts';
export { formatValue, frenchNumber } from './format.ts';
export { barcodePng } from './barcode.ts';

export interface RenderRequest {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly kind: DocumentKind;
  /** The document's `id` column. */
  readonly id: string;
  /** The record's key (`&idx`); null: no record (« Prévisualiser » a document attached to no object). */
  readonly key: string | number | null;
  /** `<app>.<table>` of the record: a document attached to another object is refused. */
  readonly objet: string;
  /** « Prévisualiser »: the pages carry a watermark. */
  readonly preview?: boolean;
}

export interface RenderedDocument {
  readonly definition: DocumentDefinition;
  readonly pdf: Buffer;
}

/** Logos are printed at this resolution when theirs is not known. */
const DEFAULT_DPI = 150;
const MAX_LOGO_MM = 80;

/** What rendering needs of the runtime: the database, the objects (code sources), the data folder (logos). */
export interface RenderRuntime {
  readonly db: Database;
  readonly registry: Registry;
  readonly config: { readonly dataDir: string };
}

/** The definition for this request, or a 404 with a French message. */
export async function printableDocument(runtime: RenderRuntime, request: Pick<RenderRequest, 'actor' | 'locale' | 'kind' | 'id' | 'objet'>): Promise<DocumentDefinition> {
  const definition = await findDocument(runtime.db, request.actor, request.kind, request.id);
  if (!definition) throw new ServiceError('not_found', t('documents.print.unknownDocument', undefined, request.locale));
  if (definition.objet && definition.objet !== request.objet) throw new ServiceError('not_found', t('documents.print.otherObject', undefined, request.locale));
  return definition;
}

async function collectiviteName(runtime: RenderRuntime, actor: Actor): Promise<string> {
  const rows = await readAs(runtime.db.kysely, actor, async (connection) =>
    (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${actor.workingCollectivite}`.execute(connection)).rows,
  );
  return rows[0]?.libelle ?? '';
}

/** What every record printed with a definition shares: the variables, the logo, the file's author. */
export interface SharedParts {
  readonly variables: ReadonlyMap<string, string>;
  readonly logo: LogoImage | undefined;
  readonly author: string;
}

/** Read once for a file, whatever the number of records it prints. */
export async function sharedParts(runtime: RenderRuntime, definition: DocumentDefinition, actor: Actor): Promise<SharedParts> {
  const variables = new Map<string, string>();
  for (const [name, value] of await settingsOf(runtime.db.kysely, actor.workingCollectivite)) variables.set(name, value);
  variables.set('aujourdhui', frenchDate(new Date()));
  const logo = await documentLogo(runtime, actor, definition.logo);
  return { variables, logo, author: await collectiviteName(runtime, actor) };
}

async function substitutionsFor(runtime: RenderRuntime, definition: DocumentDefinition, request: RenderRequest, shared: SharedParts): Promise<Substitutions> {
  const source = await runSource(runtime.db, runtime.registry, definition.om_sql, {
    actor: request.actor,
    params: { [RECORD_KEY]: request.key },
    locale: request.locale,
    limit: 1,
  });
  const variables = new Map(shared.variables);
  variables.set(RECORD_KEY, String(request.key ?? ''));
  return { values: source.rows[0] ?? {}, variables };
}

export async function renderDocument(runtime: RenderRuntime, request: RenderRequest): Promise<RenderedDocument> {
  return renderDefinition(runtime, await printableDocument(runtime, request), request);
}

/** A file for `definition`'s pages (its format, margins, font), empty. */
export function documentWriter(definition: DocumentDefinition, shared: SharedParts, locale: Locale): PageWriter {
  return new PageWriter({
    size: pageSize(definition.format, definition.orientation),
    margins: { left: pt(definition.margeleft), top: pt(definition.margetop), right: pt(definition.margeright), bottom: pt(definition.margebottom) },
    faces: fontFaces(definition.se_font),
    color: rgb(definition.se_couleurtexte),
    title: definition.libelle,
    author: shared.author,
    lang: locale === 'fr' ? 'fr-FR' : 'en-GB',
  });
}

/** « Page n/N » of a document, in the request's language. */
export const pageFooter = (locale: Locale) => (page: number, pages: number) => t('documents.print.page', { page, pages }, locale);

/**
 * Renders a definition the caller has read itself (« Prévisualiser » an inactive draft, with
 * `preview: true`); `request.id` and `request.objet` are not used.
 */
export async function renderDefinition(runtime: RenderRuntime, definition: DocumentDefinition, request: RenderRequest): Promise<RenderedDocument> {
  const shared = await sharedParts(runtime, definition, request.actor);
  const writer = documentWriter(definition, shared, request.locale);
  // A preview's watermark is drawn over finished pages: only then are they kept until the end.
  if (!request.preview) writer.streamPages(pageFooter(request.locale));
  await drawRecord(runtime, writer, definition, request, shared);
  const pdf = await writer.finish(pageFooter(request.locale), request.preview ? t('documents.print.preview', undefined, request.locale) : undefined);
  return { definition, pdf };
}

/** One record's document, from a new page of `writer` (a file may hold many). */
export async function drawRecord(runtime: RenderRuntime, writer: PageWriter, definition: DocumentDefinition, request: RenderRequest, shared: SharedParts): Promise<void> {
  const substitutions = await substitutionsFor(runtime, definition, request, shared);
  const text = (value: string) => substitute(value, substitutions);
  writer.addPage();

  let top = pt(definition.margetop);
  const logo = shared.logo;
  if (logo) {
    const width = Math.min(pt(MAX_LOGO_MM), pt((logo.width / (logo.resolution ?? DEFAULT_DPI)) * 25.4));
    const height = (width * logo.height) / logo.width;
    writer.placeImage(logo.data, pt(definition.logoleft), pt(definition.logotop), { width, height });
    top = Math.max(top, pt(definition.logotop) + height + pt(2));
  }
  top = Math.max(top, drawTitle(writer, definition, text) + pt(2));
  writer.y = top;

  for (const block of templateBlocks(definition.corps_om_htmletatex)) await drawBlock(runtime, writer, block, text, request);
}

/** The title block at its position; returns its bottom. */
function drawTitle(writer: PageWriter, definition: DocumentDefinition, text: (value: string) => string): number {
  const box = { x: pt(definition.titreleft), width: pt(definition.titrelargeur) };
  const top = pt(definition.titretop);
  writer.y = top;
  for (const block of templateBlocks(definition.titre_om_htmletat)) {
    if (block.kind === 'paragraph') writer.paragraph(block, text, box);
  }
  const bottom = Math.max(writer.y, top + pt(definition.titrehauteur));
  const sides = borderSides(definition.titrebordure);
  const { doc } = writer;
  doc.lineWidth(0.5).strokeColor(writer.setup.color);
  if (sides.top) doc.moveTo(box.x, top).lineTo(box.x + box.width, top).stroke();
  if (sides.bottom) doc.moveTo(box.x, bottom).lineTo(box.x + box.width, bottom).stroke();
  if (sides.left) doc.moveTo(box.x, top).lineTo(box.x, bottom).stroke();
  if (sides.right) doc.moveTo(box.x + box.width, top).lineTo(box.x + box.width, bottom).stroke();
  return bottom;
}

async function drawBlock(runtime: RenderRuntime, writer: PageWriter, block: Block, text: (value: string) => string, request: RenderRequest): Promise<void> {
  switch (block.kind) {
    case 'paragraph':
      writer.paragraph(block, text);
      return;
    case 'pageBreak':
      writer.pageBreak();
      return;
    case 'table':
      drawBodyTable(writer, block, text);
      return;
    case 'barcode': {
      const image = await barcodePng(block.type, text(block.value));
      if (image) writer.image(image.png, pt(block.size), image.ratio, block.align);
      return;
    }
    case 'sousetat': {
      const definition = await findSousEtat(runtime.db, request.actor, block.id);
      if (!definition || definition.om_sql.trim() === '') return;
      // Read through a cursor, a batch at a time: an émargement of a bureau's 150,000 electors never sits in memory.
      const rows = (onRows: (result: SourceResult) => Promise<void>) =>
        streamSqlSource(runtime.db, definition.om_sql, {
          actor: request.actor,
          params: { [RECORD_KEY]: request.key },
          known: new Set([RECORD_KEY]),
          labels: new Map(),
          locale: request.locale,
        }, onRows);
      await drawSousEtat(
        writer,
        definition,
        rows,
        {
          total: t('documents.print.total', undefined, request.locale),
          average: t('documents.print.average', undefined, request.locale),
          count: t('documents.print.count', undefined, request.locale),
        },
        text,
      );
      return;
    }
  }
}

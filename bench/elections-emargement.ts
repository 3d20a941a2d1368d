/**
 * The émargement of a whole commune for bench/elections.ts, each side in its own child process so
 * that its peak memory (VmHWM) is its own:
 *
 *   Commun   the application's état `emargement` (migration 0005 of apps/elections: one bureau a
 *            record, its sous-état `elections_emargement_simple` lists the bureau's electors),
 *            printed for every bureau of the commune by `renderBatch`, as the print job does.
 *   pdfkit   the same rows (the sous-état's own SQL, run once per bureau) drawn by hand in a table
 *            of the same columns, landscape A4.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { printJobToFile } from './lib/print-job.ts';

/** Libreville, the demo's commune. */
export const COLLECTIVITE = 1;
const SOUSETAT = 'elections_emargement_simple';


async function bureauKeys(client: pg.Client): Promise<number[]> {
  const result = await client.query<{ bureau: number }>('select bureau from elections.bureau where om_collectivite = $1 order by code', [COLLECTIVITE]);
  return result.rows.map((row) => Number(row.bureau));
}

/** Commun: the état for every bureau, through the print job's renderer, into `file`. */
export async function communSide(url: string, file: string): Promise<void> {
  const { registerFrameworkObjects } = await import('../framework/src/objects/index.ts');
  const { elections } = await import('../apps/elections/src/index.ts');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const keys = await bureauKeys(client);
  await client.end();
  await printJobToFile({
    url, collectivite: COLLECTIVITE, kind: 'etat', id: 'emargement', keys, file,
    register: (registry) => {
      registerFrameworkObjects(registry);
      elections.register(registry);
      registry.linkIncomingReferences();
    },
  });
}

const mm = (value: number) => (value * 72) / 25.4;
/** The sous-état's columns (mm), landscape A4 between 10 mm margins. */
const WIDTHS_MM = [14, 11, 62, 50, 60, 30, 50];
/** The sous-état's cell height (12 mm) and font size (8). */
const ROW_MM = 12;
const FONT_SIZE = 8;
const PAGE_TOP_MM = 30;
const PAGE_BOTTOM_MM = 200;

/** pdfkit by hand: the sous-état's SQL once per bureau, every bureau from a new page. */
export async function pdfkitSide(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const keys = await bureauKeys(client);
  const stored = await client.query<{ om_sql: string }>('select om_sql from om.om_sousetat where id = $1 order by om_collectivite limit 1', [SOUSETAT]);
  const listSql = (stored.rows[0]?.om_sql ?? '').replaceAll('&idx', '$1');
  if (!listSql) throw new Error(`sous-état ${SOUSETAT} introuvable`);
  const { FONTS } = await import('../framework/src/documents/fonts.ts');
  const doc = new PDFDocument({ autoFirstPage: false, font: FONTS.regular, info: { Title: 'Liste d’émargement' } });
  const output = createWriteStream(file);
  doc.pipe(output);
  const widths = WIDTHS_MM.map(mm);
  const drawRow = (cells: readonly string[], y: number, bold: boolean) => {
    let x = mm(10);
    doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(FONT_SIZE);
    cells.forEach((text, index) => {
      const width = widths[index] ?? 0;
      if (bold) doc.rect(x, y, width, mm(ROW_MM)).fill([230, 230, 230]).fillColor('black');
      if (text !== '') doc.text(text, x + 2.8, y + 2.8, { width: width - 5.6, height: mm(ROW_MM) - 5.6, ellipsis: '…' });
      doc.lineWidth(0.5).rect(x, y, width, mm(ROW_MM)).stroke();
      x += width;
    });
  };
  for (const key of keys) {
    const result = await client.query({ text: listSql, values: [key], rowMode: 'array' });
    const header = result.fields.map((field) => field.name);
    const rows = result.rows as unknown[][];
    let y = Number.POSITIVE_INFINITY;
    let page = 0;
    for (const row of rows) {
      if (y + mm(ROW_MM) > mm(PAGE_BOTTOM_MM)) {
        doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
        page += 1;
        doc.font(FONTS.bold).fontSize(14).text('Liste d’émargement', mm(10), mm(8), { width: mm(277), align: 'center' });
        doc.font(FONTS.regular).fontSize(10).text(`Bureau ${key} — page ${page}`, mm(10), mm(17), { width: mm(277), align: 'center' });
        y = mm(PAGE_TOP_MM);
        drawRow(header, y, true);
        y += mm(ROW_MM);
        // Let the stream drain, as a real server would.
        if (page % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      drawRow(row.map((cell) => (cell === null ? '' : String(cell))), y, false);
      y += mm(ROW_MM);
    }
  }
  await client.end();
  doc.end();
  await once(output, 'close');
}

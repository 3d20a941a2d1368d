/**
 * Documents benchmark (`npm run bench:documents`): a signature list (liste d'émargement) of
 * 150,000 inscrits — name, birth date, address, an empty signature box, 30 rows a page, 5,000 pages —
 * printed by the framework, next to the same PDF written directly with pdfkit from the same rows
 * (one query) in the same run. Each side runs in its own child process, so that its peak memory
 * (VmHWM) is its own.
 *
 * The framework side is openMairie's émargement of one bureau: one état for one record (the
 * bureau) whose sous-état lists every elector of it, rendered by the print job's renderer
 * (`renderBatch`, what « Mes traitements » runs) into a file. Targets: at most 1.5× pdfkit's time,
 * peak RSS under 300 MB.
 *
 *   BENCH_DOCUMENT_ROWS   rows of the list (default 150,000)
 *   BENCH_DATABASE_URL    server (default postgres://postgres@127.0.0.1:5432/commun_bench); the
 *                         benchmark uses its own database `commun_bench_documents` beside it
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { commun, freshServerDatabase, server } from './lib/instance.ts';
import { runPdfSide, sideLine } from './lib/pdf-side.ts';
import { printJobToFile } from './lib/print-job.ts';
import { formatTable } from './lib/measure.ts';

const ROWS = Number(process.env.BENCH_DOCUMENT_ROWS ?? 150_000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
const ROWS_PER_PAGE = 30;
const SCRIPT = new URL(import.meta.url).pathname;
/** `admin`'s collectivité: the inscrits and the documents belong to it. */
const COLLECTIVITE = 1;

/** The sous-état's query: the bureau's electors in alphabetical order (the same for both sides). */
const LIST_SQL = `select i.nom || ' ' || i.prenom as "Nom et prénom", to_char(i.date_naissance, 'DD/MM/YYYY') as "Né(e) le",
       (i.inscrit % 200 + 1) || ' rue de la République, ' || c.libelle as "Adresse", '' as "Signature"
  from banc.inscrit i join banc.commune c on c.commune = i.commune
 where i.om_collectivite = ${COLLECTIVITE}
 order by i.nom, i.prenom, i.inscrit`;
/** Columns in mm: 190 mm of an A4 page between 10 mm margins. */
const WIDTHS_MM = [55, 25, 75, 35];
const ROW_MM = 8;
const HEADER_MM = 8;

// ---- data ---------------------------------------------------------------------------------------

async function prepare(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      insert into banc.inscrit (numero, nom, prenom, date_naissance, solde, commune, categorie, om_collectivite)
      select 'E' || lpad(i::text, 8, '0'),
             (array['Dupont','Lefèvre','Martin','Bernard','Robert','Richard','Petit','Moreau','Garçon','Fontaine','Œuvrard','Chassagne'])[i % 12 + 1],
             (array['Jean','Marie','Anaïs','Loïc','Hélène','Céline','François','Agnès','Jérôme','Zoé'])[(i / 12) % 10 + 1],
             date '1930-01-01' + (i % 27000), 0, 1 + i % 500, 1, ${COLLECTIVITE}
        from generate_series(1, $1::integer) as i`, [ROWS]);
    await client.query('analyze banc.inscrit');
    await client.query(`insert into om.om_requete (code, libelle, requete, type) values ('bureau', 'Bureau de vote', 'select ''Bureau n° '' || &idx as bureau', 'sql')`);
    await client.query(
      `insert into om.om_sousetat (om_collectivite, id, libelle, actif, titre, entete_flag, entete_fond, entete_hauteur, cellule_largeur, cellule_bordure,
         cellule_hauteur, tableau_largeur, tableau_fontaille, intervalle_debut, intervalle_fin, om_sql)
       values (${COLLECTIVITE}, 'electeurs', 'Électeurs du bureau', true, '', '1', '1', $1, $2, '1|1|1|1', $3, 190, 9, 0, 0, $4)`,
      [HEADER_MM, WIDTHS_MM.join('|'), ROW_MM, LIST_SQL],
    );
    await client.query(
      `insert into om.om_etat (om_collectivite, id, libelle, actif, titre_om_htmletat, titreleft, titretop, titrelargeur, titrehauteur,
         corps_om_htmletatex, om_sql, margeleft, margetop, margeright, margebottom)
       values (${COLLECTIVITE}, 'emargement', 'Liste d’émargement', true, '<p><strong>Liste d’émargement — [bureau]</strong></p>', 10, 10, 190, 8,
         '<div data-sousetat="electeurs"></div>', (select om_requete from om.om_requete where code = 'bureau'), 10, 25, 10, 10)`,
    );
  } finally {
    await client.end();
  }
}

// ---- the two sides, each in a child process ------------------------------------------------------

async function frameworkSide(url: string, file: string): Promise<void> {
  // The état's source is SQL: no object's code is needed.
  await printJobToFile({ url, collectivite: COLLECTIVITE, kind: 'etat', id: 'emargement', keys: [1], file });
}

const mm = (value: number) => (value * 72) / 25.4;

/** The same list written by hand with pdfkit: rows read with one query, pages streamed out. */
async function pdfkitSide(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = (await client.query<Record<string, string>>({ text: LIST_SQL, rowMode: 'array' } as pg.QueryConfig)).rows as unknown as string[][];
  await client.end();
  const { FONTS } = await import('../framework/src/documents/fonts.ts');
  const doc = new PDFDocument({ autoFirstPage: false, font: FONTS.regular, info: { Title: 'Liste d’émargement' } });
  const output = createWriteStream(file);
  doc.pipe(output);
  const header = ['Nom et prénom', 'Né(e) le', 'Adresse', 'Signature'];
  const widths = WIDTHS_MM.map(mm);
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
  const drawRow = (cells: readonly string[], y: number, height: number, bold: boolean) => {
    let x = mm(10);
    doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(9);
    cells.forEach((text, index) => {
      const width = widths[index] ?? 0;
      if (bold) doc.rect(x, y, width, height).fill([230, 230, 230]).fillColor('black');
      if (text !== '') doc.text(text, x + 2.8, y + 2.8, { width: width - 5.6, height: height - 5, ellipsis: '…' });
      doc.lineWidth(0.5).rect(x, y, width, height).stroke();
      x += width;
    });
  };
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.font(FONTS.bold).fontSize(10).text('Liste d’émargement — Bureau n° 1', mm(10), mm(10), { width: mm(190) });
    let y = mm(25);
    drawRow(header, y, mm(HEADER_MM), true);
    y += mm(HEADER_MM);
    for (const row of rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE)) {
      drawRow(row, y, mm(ROW_MM), false);
      y += mm(ROW_MM);
    }
    doc.font(FONTS.regular).fontSize(8).text(`Page ${page + 1}/${pages}`, mm(10), mm(283), { width: mm(190), align: 'center', lineBreak: false });
    // Let the stream drain, as a real server would.
    if (page % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  await once(output, 'close');
}

// ---- run -----------------------------------------------------------------------------------------


const [mode, childUrl, childFile] = process.argv.slice(2);
if (mode === '--framework' && childUrl && childFile) {
  await frameworkSide(childUrl, childFile);
} else if (mode === '--pdfkit' && childUrl && childFile) {
  await pdfkitSide(childUrl, childFile);
} else {
  const url = await freshServerDatabase(BASE_URL, 'commun_bench_documents');
  const migrated = await commun(server(url), ['migrate']);
  if (migrated.code !== 0) throw new Error(`commun migrate : ${migrated.stderr}`);
  await prepare(url);
  const folder = mkdtempSync(join(tmpdir(), 'commun-bench-documents-'));
  try {
    console.log(`Liste d’émargement de ${ROWS.toLocaleString('fr-FR')} lignes (${ROWS_PER_PAGE} par page), serveur PostgreSQL.`);
    console.log(`charge avant : ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    const direct = await runPdfSide(SCRIPT, 'pdfkit direct', '--pdfkit', url, join(folder, 'pdfkit.pdf'));
    const framework = await runPdfSide(SCRIPT, 'Commun (état + sous-état)', '--framework', url, join(folder, 'commun.pdf'));
    console.log(`charge après : ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
    console.log(formatTable(['côté', 'pages', 'Mo', 'durée s', 'rapport', 'RSS max Mo'], [sideLine(direct, direct), sideLine(framework, direct)]));
    console.log('\nCibles : rapport ≤ 1,5, RSS max < 300 Mo.');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Stamping scans (documents/stamp.ts): the register number and date written on the first page
 * only, read back with poppler's `pdftotext` (the text a search engine or an archive would index);
 * an image becomes a one-page A4 PDF; an encrypted or broken PDF is refused in French.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PDFDocument, degrees } from 'pdf-lib';
import PDFKit from 'pdfkit';
import { PNG } from 'pngjs';
import { scanToPdf, stampFirstPage, StampError } from '../src/documents/stamp.ts';

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const SKIP = HAS_PDFTOTEXT ? false : 'pdftotext (poppler-utils) est absent : installez poppler-utils pour lire les PDF tamponnés.';
const folder = mkdtempSync(join(tmpdir(), 'commun-tampon-'));
let count = 0;

/** The text of one page, as `pdftotext -layout` reads it (spaces squeezed). */
function pageText(pdf: Uint8Array, page: number): string {
  const path = join(folder, `document-${count++}.pdf`);
  writeFileSync(path, pdf);
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** A two-page letter made with pdfkit (as the framework's own documents are). */
function letter(options: { layout?: 'portrait' | 'landscape' } = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const document = new PDFKit({ size: 'A4', layout: options.layout ?? 'portrait' });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
    document.fontSize(12).text('Madame la Maire, je sollicite un rendez-vous.', 72, 400);
    document.addPage();
    document.text('Veuillez agréer mes salutations.', 72, 400);
    document.end();
  });
}

/** A small grey PNG image (a « scan »), `width` × `height` pixels. */
function pngImage(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
}

const STAMP = ['Courrier arrivé n° 2026-42', 'le 05/12/2026'];

describe('stamping a scan', () => {
  test('the lines are written on the first page only, and read back as text', { skip: SKIP }, async () => {
    const original = await letter();
    const stamped = await stampFirstPage(original, STAMP);
    const first = pageText(stamped, 1);
    assert.match(first, /Courrier arrivé n° 2026-42\nle 05\/12\/2026/);
    assert.match(first, /Madame la Maire, je sollicite un rendez-vous\./);
    const second = pageText(stamped, 2);
    assert.equal(second, 'Veuillez agréer mes salutations.');
    assert.doesNotMatch(pageText(original, 1), /Courrier arrivé/, 'the original bytes are not changed');
    const document = await PDFDocument.load(stamped);
    assert.equal(document.getPageCount(), 2);
  });

  test('the box is at the top right of the page as it is shown, whatever its rotation', { skip: SKIP }, async () => {
    for (const angle of [0, 90, 180, 270]) {
      const document = await PDFDocument.load(await letter());
      document.getPage(0).setRotation(degrees(angle));
      const stamped = await stampFirstPage(await document.save(), STAMP);
      // -bbox gives the words' boxes on the page as shown (after /Rotate; poppler 22 still reports the
      // unturned page size): the stamp's number lies in the top right corner, written horizontally.
      const path = join(folder, `tourne-${angle}.pdf`);
      writeFileSync(path, stamped);
      const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', path, '-'], { encoding: 'utf8' });
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">2026-42<\/word>/.exec(html);
      assert.ok(word, `page turned ${angle}°: the number is found`);
      const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number) as [number, number, number, number];
      const shownWidth = angle % 180 === 0 ? 595.28 : 841.89;
      assert.ok(xMax > shownWidth - 40 && xMax < shownWidth - 18, `page turned ${angle}°: right edge at ${xMax} of ${shownWidth}`);
      assert.ok(yMin > 18 && yMin < 45, `page turned ${angle}°: top at ${yMin}`);
      assert.ok(xMax - xMin > 3 * (yMax - yMin), `page turned ${angle}°: written across the page as shown`);
      // Upright text is read in order; turned text would come out letter by letter or reversed.
      assert.match(pageText(stamped, 1), /Courrier arrivé n° 2026-42/);
    }
  });

  test('a PNG becomes a one-page A4 PDF (landscape for a wide scan) that takes the stamp', { skip: SKIP }, async () => {
    const portrait = await PDFDocument.load(await scanToPdf(pngImage(60, 90), 'image/png'));
    assert.equal(portrait.getPageCount(), 1);
    assert.deepEqual(portrait.getPage(0).getSize(), { width: 595.28, height: 841.89 });
    const wide = await scanToPdf(pngImage(90, 60), 'image/png');
    assert.deepEqual((await PDFDocument.load(wide)).getPage(0).getSize(), { width: 841.89, height: 595.28 });
    const stamped = await stampFirstPage(wide, STAMP);
    assert.equal(pageText(stamped, 1), 'Courrier arrivé n° 2026-42\nle 05/12/2026');
    const pdf = await letter();
    assert.equal(await scanToPdf(pdf, 'application/pdf'), pdf, 'a PDF stays as it is');
  });

  test('characters outside WinAnsi are simplified rather than failing', { skip: SKIP }, async () => {
    const stamped = await stampFirstPage(await letter(), ['Reçu le 05/12/2026 à 10 h', 'Œuvre n°\u202f3 – Ā']);
    assert.match(pageText(stamped, 1), /Reçu le 05\/12\/2026 à 10 h\nŒuvre n° 3 – A/);
  });

  test('an encrypted, broken or non-PDF file is refused with a French message', async () => {
    const message = 'Le PDF ne peut pas être tamponné : il est chiffré ou illisible.';
    const refused = async (bytes: Uint8Array) => {
      await assert.rejects(stampFirstPage(bytes, STAMP), (error: unknown) => error instanceof StampError && error.message === message);
    };
    await refused(new TextEncoder().encode('%PDF-1.4\nceci n’est pas un PDF\n%%EOF\n'));
    await refused(new TextEncoder().encode('Bonjour'));
    await refused(await encryptedPdf());
    await assert.rejects(scanToPdf(new TextEncoder().encode('pas une image'), 'image/png'), {
      name: 'StampError',
      message: 'L’image ne peut pas être lue : elle est abîmée ou d’un format non reconnu.',
    });
  });
});

/** A PDF with an /Encrypt dictionary (pdfkit's user password). */
function encryptedPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const document = new PDFKit({ size: 'A4', userPassword: 'secret', ownerPassword: 'secret' });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.text('Confidentiel');
    document.end();
  });
}

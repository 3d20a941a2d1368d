/**
 * Barcodes of a template (`<span data-code-barre=…>`) drawn by bwip-js as PNG images: Code 128
 * with its text under the bars (openMairie's mce_codebarre), QR and DataMatrix squares.
 */
import bwipjs from 'bwip-js';
import type { BarcodeKind } from '../template-html.ts';

const BWIP_ID: Record<BarcodeKind, string> = { code128: 'code128', qrcode: 'qrcode', datamatrix: 'datamatrix' };

export interface BarcodeImage {
  readonly png: Buffer;
  /** Height over width of the image. */
  readonly ratio: number;
}

/** The PNG of a barcode, or undefined when the value cannot be encoded (empty, or not Code 128 text). */
export async function barcodePng(kind: BarcodeKind, value: string): Promise<BarcodeImage | undefined> {
  if (value.trim() === '') return undefined;
  try {
    const png = await bwipjs.toBuffer({
      bcid: BWIP_ID[kind],
      text: value,
      scale: 4,
      // Opaque, with a quiet zone: a transparent background prints black in some readers.
      backgroundcolor: 'FFFFFF',
      paddingwidth: 8,
      paddingheight: 8,
      ...(kind === 'code128' ? { height: 10, includetext: true, textxalign: 'center' as const } : {}),
    });
    return { png, ratio: png.readUInt32BE(20) / png.readUInt32BE(16) };
  } catch {
    return undefined;
  }
}

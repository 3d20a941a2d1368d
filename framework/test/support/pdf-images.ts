/**
 * The images drawn on a PDF page, decoded by pdf.js (no canvas needed): RGBA pixels, ready for a
 * barcode decoder.
 */
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PageImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly kind: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

function toRgba(image: DecodedImage): PageImage {
  const { width, height, kind, data } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (kind === ImageKind.RGBA_32BPP) {
      rgba.set(data.subarray(pixel * 4, pixel * 4 + 4), pixel * 4);
    } else if (kind === ImageKind.RGB_24BPP) {
      rgba.set(data.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
      rgba[pixel * 4 + 3] = 255;
    } else {
      // One bit per pixel, rows padded to a byte.
      const rowBytes = Math.ceil(width / 8);
      const x = pixel % width;
      const y = Math.floor(pixel / width);
      const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      const value = bit ? 255 : 0;
      rgba.set([value, value, value, 255], pixel * 4);
    }
  }
  return { data: rgba, width, height };
}

export async function pdfImages(bytes: Uint8Array, pageNumber: number): Promise<PageImage[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isOffscreenCanvasSupported: false }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const operators = await page.getOperatorList();
    const images: PageImage[] = [];
    for (const [index, operator] of operators.fnArray.entries()) {
      if (operator !== OPS.paintImageXObject) continue;
      const name = operators.argsArray[index]?.[0] as string;
      // Decoded by the worker: resolved when it is ready.
      const image = await new Promise<DecodedImage | null>((resolve) => page.objs.get(name, resolve));
      if (image?.data) images.push(toRgba(image));
    }
    return images;
  } finally {
    await document.destroy();
  }
}

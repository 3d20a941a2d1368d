/**
 * The font families a document may ask for (`se_font`, `titrefont`), mapped to the embedded DejaVu
 * faces: openMairie's helvetica, times and courier become DejaVu Sans, Serif and Sans Mono, which
 * have every character French text needs. Never a standard-14 font (not embedded, no « œ »).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const face = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`);

export interface FontFaces {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
  readonly boldItalic: string;
}

const SANS: FontFaces = {
  regular: face('DejaVuSans'),
  bold: face('DejaVuSans-Bold'),
  italic: face('DejaVuSans-Oblique'),
  boldItalic: face('DejaVuSans-BoldOblique'),
};
const SERIF: FontFaces = {
  regular: face('DejaVuSerif'),
  bold: face('DejaVuSerif-Bold'),
  italic: face('DejaVuSerif-Italic'),
  boldItalic: face('DejaVuSerif-BoldItalic'),
};
const MONO: FontFaces = {
  regular: face('DejaVuSansMono'),
  bold: face('DejaVuSansMono-Bold'),
  italic: face('DejaVuSansMono-Oblique'),
  boldItalic: face('DejaVuSansMono-BoldOblique'),
};

/** The faces for a family name as openMairie stores it; sans-serif for anything unknown. */
export function fontFaces(family: string | null | undefined): FontFaces {
  const name = (family ?? '').trim().toLowerCase();
  if (name.startsWith('times') || name.includes('serif') && !name.includes('sans')) return SERIF;
  if (name.startsWith('courier') || name.includes('mono')) return MONO;
  return SANS;
}

export function faceOf(faces: FontFaces, style: { readonly bold: boolean; readonly italic: boolean }): string {
  if (style.bold) return style.italic ? faces.boldItalic : faces.bold;
  return style.italic ? faces.italic : faces.regular;
}

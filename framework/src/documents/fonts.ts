/**
 * The fonts every generated PDF embeds: DejaVu Sans (npm `dejavu-fonts-ttf`), which has every
 * character French text needs (accents, œ, « », €, narrow no-break spaces). Never a standard-14
 * font: those lack most of them and are not embedded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

import bwipjs from 'bwip-js';

/**
 * The QR code of an `otpauth://` address as a `data:` PNG (the pages' CSP allows `img-src data:`):
 * nothing leaves the page, and the secret is never fetched from a second URL that could be cached.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const png = await bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 4, backgroundcolor: 'FFFFFF', paddingwidth: 8, paddingheight: 8 });
  return `data:image/png;base64,${png.toString('base64')}`;
}

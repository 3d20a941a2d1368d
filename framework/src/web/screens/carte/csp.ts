/**
 * The Content-Security-Policy of a page with a map: the common one, with the origins of the
 * configured base layers' tiles added to `img-src` (the administrator typed those addresses). No
 * base layer, no change: the vector layers come from this site.
 */
import type { MapConfiguration } from '../../../maps/configuration.ts';
import { CONTENT_SECURITY_POLICY } from '../../operations/security-headers.ts';

/** `https://tiles.example.org` from `https://tiles.example.org/{z}/{x}/{y}.png`; undefined for anything but http(s). */
function originOf(address: string): string | undefined {
  try {
    const url = new URL(address.replace(/\{[^}]*\}/g, '0'));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function mapContentSecurityPolicy(configuration: MapConfiguration): string | undefined {
  const origins = [...new Set(configuration.baseLayers.flatMap((layer) => originOf(layer.url) ?? []))];
  if (origins.length === 0) return undefined;
  return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", `img-src 'self' data: ${origins.join(' ')}`);
}

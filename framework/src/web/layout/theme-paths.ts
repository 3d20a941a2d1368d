/**
 * Addresses of a collectivité's theme: its stylesheet and its logo, versioned by what they show (the
 * colour, the logo's file) so that a page links the new one as soon as it changes.
 */
export const THEME_PATHS = {
  stylesheet: '/theme/:name',
  logo: '/theme/:name/logo',
} as const;

const NAME = /^collectivite-([1-9][0-9]{0,9})$/;

/** `collectivite-12` → 12; undefined for any other segment. */
export function collectiviteOfSegment(segment: string): number | undefined {
  const id = NAME.exec(segment)?.[1];
  return id !== undefined && Number(id) <= 2147483647 ? Number(id) : undefined;
}

export const themeHref = (collectivite: number, colour: string) => `/theme/collectivite-${collectivite}.css?v=${colour.slice(1)}`;

export const logoHref = (collectivite: number, file: string) => `/theme/collectivite-${collectivite}/logo?v=${file.slice(0, 8)}`;

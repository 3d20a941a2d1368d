/**
 * A link written by an administrator or an application (a widget's `lien`, a counter's target):
 * kept only when it is an address of this site (`/…`, not `//…`) or an http(s) address, so that
 * no `javascript:` or other scheme reaches a page.
 */
export function safeLink(value: string | undefined | null): string | undefined {
  const link = value?.trim();
  if (!link) return undefined;
  if (link.startsWith('/')) return link.startsWith('//') || link.startsWith('/\\') ? undefined : link;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

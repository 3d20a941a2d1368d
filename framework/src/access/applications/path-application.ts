/**
 * The application an address belongs to, from its segments: `/<app>/…` (listings, forms, exports,
 * documents, the application's own pages), `/api/v1/<app>/…` (REST API and its JSON routes),
 * `/import/<app>/…`, `/requetes/<app>/…` and `/choix/<app>/…` (imports, stored queries, form
 * helpers). `undefined` when the address names no known application.
 */
const PREFIXED: ReadonlyArray<readonly string[]> = [['api', 'v1'], ['import'], ['requetes'], ['choix']];

function segmentsOf(path: string): string[] {
  const base = path.split(/[?#]/, 1)[0] ?? '';
  return base.split('/').filter((segment) => segment !== '').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

export function applicationOfPath(path: string, applications: ReadonlySet<string>): string | undefined {
  const segments = segmentsOf(path);
  const first = segments[0];
  if (first === undefined) return undefined;
  // `/elections/electeur.csv`: the first segment is the application.
  if (applications.has(first)) return first;
  for (const prefix of PREFIXED) {
    if (prefix.every((part, index) => segments[index] === part)) {
      const candidate = segments[prefix.length];
      return candidate !== undefined && applications.has(candidate) ? candidate : undefined;
    }
  }
  return undefined;
}

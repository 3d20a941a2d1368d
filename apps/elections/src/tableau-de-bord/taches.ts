/**
 * « Tâches en cours » (reference §5.2): the movements waiting for the commune, each counter a link
 * to the movement listing filtered the same way (its URL filters: own columns of the movement,
 * `categorie` kept by the database, migration 0005).
 */
import { sql } from 'kysely';
import { objectPermission } from '../../../../framework/src/access/permissions.ts';
import type { ServerWidget } from '../../../../framework/src/model/extensions.ts';
import { listUrl } from '../../../../framework/src/web/screens/shared/urls.ts';
import { message } from './messages.ts';

const MOUVEMENT = { app: 'elections', name: 'mouvement' } as const;

/** One counter: its filters on the movement listing, counted by the same conditions. */
export interface Tache {
  readonly key: 'ioAValider' | 'aInstruire' | 'enAttente' | 'aViser' | 'radiationsOffice' | 'modifications';
  readonly filters: Readonly<Record<string, string>>;
}

export const TACHES: readonly Tache[] = [
  { key: 'ioAValider', filters: { type_mouvement: 'IO', provenance: 'insee', etat: 'a_instruire' } },
  { key: 'aInstruire', filters: { etat: 'a_instruire' } },
  { key: 'enAttente', filters: { etat: 'en_attente' } },
  { key: 'aViser', filters: { etat: 'accepte', 'date_transmission][empty': 'oui' } },
  { key: 'radiationsOffice', filters: { categorie: 'radiation', provenance: 'insee', etat: 'a_instruire' } },
  { key: 'modifications', filters: { categorie: 'modification', etat: 'a_instruire' } },
];

/** `filter[champ]=valeur` (or `filter[champ][op]=valeur`) for the listing. */
export function tacheQuery(tache: Tache): string {
  const query = new URLSearchParams();
  for (const [field, value] of Object.entries(tache.filters)) query.set(`filter[${field}]`, value);
  return query.toString();
}

/** The SQL condition of a counter: the same as its filters. */
function condition(tache: Tache) {
  const parts = Object.entries(tache.filters).map(([field, value]) =>
    field.endsWith('][empty') ? sql`${sql.ref(`m.${field.slice(0, -'][empty'.length)}`)} is null` : sql`${sql.ref(`m.${field}`)} = ${value}`,
  );
  return sql.join(parts, sql` and `);
}

export const tachesWidget: ServerWidget = {
  id: 'elections.taches_en_cours',
  label: message('taches', undefined, 'fr'),
  permissions: [objectPermission(MOUVEMENT), objectPermission(MOUVEMENT, 'tab')],
  async render({ read, locale }) {
    const counts = await read(async (db) => {
      const selects = TACHES.map((tache) => sql`count(*) filter (where ${condition(tache)})`);
      const row = (await sql<Record<string, number | string>>`select ${sql.join(selects.map((select, index) => sql`${select} as ${sql.ref(`n${index}`)}`))} from elections.mouvement m`.execute(db)).rows[0];
      return TACHES.map((_, index) => Number(row?.[`n${index}`] ?? 0));
    });
    return {
      kind: 'list',
      items: TACHES.map((tache, index) => ({
        label: message(tache.key, undefined, locale),
        href: listUrl(MOUVEMENT, tacheQuery(tache)),
        detail: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(counts[index] ?? 0),
      })),
      more: { label: message('tousMouvements', undefined, locale), href: listUrl(MOUVEMENT) },
    };
  },
};

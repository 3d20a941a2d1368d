/**
 * `GET /:app/:table/localiser?<field>=…`: the point of the address typed in a form (issue 13 §6),
 * by the object's `localiser` (maps/localiser.ts), as the user (row-level security applies).
 * Answers `{ x, y, srid, precision, libelle, message }`, or `{ message }` alone when the address is
 * not found or incomplete (an ordinary answer, not an error: 200). The form's script puts the point
 * into the geometry field.
 */
import type { Context } from 'hono';
import { readAs } from '../../../db/tenant-context.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf, translatorOf } from '../../locale.ts';
import { HttpError } from '../../operations/index.ts';
import { actorOf, objectFromRoute, requirePermission } from '../shared/index.ts';

export async function localiserRoute(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const actor = actorOf(c);
  requirePermission(actor, object, 'tab');
  const tr = translatorOf(c);
  const localisateur = object.override.localiser;
  if (!localisateur) throw HttpError.notFound(tr('carte.localiser.none'));
  const valeurs: Record<string, string> = {};
  for (const champ of localisateur.champs) {
    const value = c.req.query(champ)?.trim();
    if (value) valeurs[champ] = value.slice(0, 200);
  }
  c.header('Cache-Control', 'no-store');
  if (Object.keys(valeurs).length === 0) return c.json({ message: tr('carte.localiser.empty') });
  const runtime = c.get('runtime');
  const found = await readAs(runtime.db.kysely, actor, (db) => localisateur.localiser({ db, actor, valeurs, locale: localeOf(c) }));
  if (!found) return c.json({ message: tr('carte.localiser.notFound') });
  const message = tr(`carte.localiser.found.${found.precision}` as const, { adresse: found.libelle });
  return c.json({ x: found.x, y: found.y, srid: found.srid, precision: found.precision, libelle: found.libelle, message });
}

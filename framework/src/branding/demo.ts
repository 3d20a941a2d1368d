/**
 * The demo collectivités' identité visuelle: a logo drawn here (three bands) and an accent colour
 * each, checked like an administrator's. Installed once, by the start that applies the migration
 * of the identité visuelle on a demo instance.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/actor.ts';
import { writeAs } from '../db/tenant-context.ts';
import { demoLogoPng, installDemoLogo, TRICOLOUR } from '../documents/logos/demo.ts';
import { checkAccentColour } from './contrast.ts';
import type { BrandingRuntime } from './store.ts';

/** The migration whose application by a start means the demo branding is not there yet. */
export const BRANDING_MIGRATION = 'om/0030_identite_visuelle.sql';

export const DEMO_BRANDING = [
  { collectivite: 1, colour: '#1f6f43', logo: () => demoLogoPng(90, 60, TRICOLOUR) },
  {
    collectivite: 2,
    colour: '#5b2a86',
    logo: () => demoLogoPng(90, 60, [
      [91, 42, 134],
      [255, 255, 255],
      [200, 150, 20],
    ]),
  },
] as const;

export async function installDemoBranding(runtime: BrandingRuntime): Promise<void> {
  for (const demo of DEMO_BRANDING) {
    const exists = await writeAs(runtime.db.kysely, SYSTEM_ACTOR, async (trx) =>
      (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${demo.collectivite}`.execute(trx)).rows[0],
    );
    if (!exists) continue;
    const colour = checkAccentColour(demo.colour);
    if (!colour.ok) throw new Error(colour.message);
    await writeAs(runtime.db.kysely, SYSTEM_ACTOR, (trx) =>
      sql`insert into om.om_identite_visuelle (om_collectivite, couleur) values (${demo.collectivite}, ${colour.colour})
        on conflict (om_collectivite) do nothing`.execute(trx),
    );
    await installDemoLogo(runtime, demo.collectivite, `Logo de ${exists.libelle}`.slice(0, 100), demo.logo());
  }
}

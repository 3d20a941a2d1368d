/** Range le plan scanné des essais dans le magasin de fichiers et le donne au plan 1 (collectivité 1). */
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { fileStoreOf } from '../../../framework/src/files/index.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { PLAN_PNG } from './plans-donnees.ts';

export async function rangerPlanScanne(runtime: Pick<TestRuntime, 'db' | 'config'>, database: TestDatabase): Promise<string> {
  const store = fileStoreOf(runtime);
  const fichier = await store.stage(SYSTEM_ACTOR, { name: 'plan-1932.png', type: 'image/png', bytes: PLAN_PNG }, 1);
  await store.commit(SYSTEM_ACTOR, fichier.id, 1);
  await database.asOwner(`update cimetiere.plan set fichier = '${fichier.id}' where plan = 1`);
  return fichier.id;
}

/** The map configuration the pages put on their maps: the collectivité's (M3's `mapConfiguration`), read as the actor. */
import type { Actor } from '../../../access/actor.ts';
import { mapConfiguration, type MapConfiguration } from '../../../maps/configuration.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { Runtime } from '../../../runtime.ts';

export async function mapConfigurationOf(runtime: Runtime, actor: Actor, object: RegisteredObject): Promise<MapConfiguration> {
  return mapConfiguration(runtime, actor, object.app, object.name);
}

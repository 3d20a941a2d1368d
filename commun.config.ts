/**
 * This instance's configuration, read by `commun start` and `commun migrate` from the working
 * directory: the catalogue applications it serves.
 */
import { elections } from './apps/elections/src/index.ts';
import { registre } from './apps/registre/src/index.ts';
import type { InstanceConfig } from './framework/src/cli.ts';

export default { applications: [registre, elections] } satisfies InstanceConfig;

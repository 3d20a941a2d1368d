/**
 * This instance's configuration, read by `commun start` and `commun migrate` from the working
 * directory: the catalogue applications it serves.
 */
import { elections } from './apps/elections/src/index.ts';
import { registre } from './apps/registre/src/index.ts';
import type { InstanceConfig } from './framework/src/cli.ts';
import { resultats } from './apps/resultats/src/index.ts';
import { scrutin } from './apps/scrutin/src/index.ts';
import { cimetiere } from './apps/cimetiere/src/index.ts';
import { courrier } from './apps/courrier/src/index.ts';

export default { applications: [registre, elections, resultats, scrutin, cimetiere, courrier] } satisfies InstanceConfig;

/** The benchmark instance (`cd bench/banc && commun …`): the benchmark application alone. */
import type { InstanceConfig } from '../../framework/src/cli.ts';
import { banc } from './src/index.ts';

export default { applications: [banc] } satisfies InstanceConfig;

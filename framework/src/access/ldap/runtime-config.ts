/**
 * The directory configuration a runtime uses: the one given in code (tests, an embedding program)
 * or else the environment's, read once. Kept beside the runtime rather than in `RuntimeConfig`, so
 * that reading the process configuration (the locale, at every message) never parses it.
 */
import { loadLdapConfig, type LdapConfig } from './config.ts';

interface WithConfig {
  readonly config: object;
}

const given = new WeakMap<object, LdapConfig | undefined>();
let fromEnvironment: { readonly config: LdapConfig | undefined } | undefined;

/** Uses this configuration (undefined: no directory) for this runtime, whatever the environment says. */
export function useDirectoryConfig(runtime: WithConfig, config: LdapConfig | undefined): void {
  given.set(runtime.config, config);
}

/** The runtime's directory configuration; throws `LdapConfigError` when the environment's is wrong. */
export function directoryConfigOf(runtime: WithConfig): LdapConfig | undefined {
  if (given.has(runtime.config)) return given.get(runtime.config);
  fromEnvironment ??= { config: loadLdapConfig(process.env) };
  return fromEnvironment.config;
}

/** Checks the environment's configuration at start-up, so that a mistake stops the server with its reason. */
export function checkDirectoryEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  fromEnvironment = { config: loadLdapConfig(env) };
}

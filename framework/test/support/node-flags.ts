/**
 * node's flags for the `commun` processes the tests start (the CLI tests): without V8's optimising
 * second compilation of the embedded database's WebAssembly, which a short command does not repay
 * (about 15 % less CPU per command; scripts/run-tests.mjs gives the test files the same flag).
 */
export const COMMUN_NODE_FLAGS: readonly string[] = ['--liftoff-only'];

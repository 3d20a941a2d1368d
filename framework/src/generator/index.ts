export { genCommand, FRAMEWORK_GENERATION, introspectFramework } from './command.ts';
export { generateModules } from './generate.ts';
export type { GenerateOptions, GenerateResult } from './generate.ts';
export { renderIndex, renderTableModule, rowType } from './render.ts';
export { appFiles, generateApp, introspectApp, introspectScratchApp, migrationSourceOf, type AppSchema } from './app.ts';
export { checkOptions, defineGenerator, loadOptions, type GeneratorOptions } from './options.ts';

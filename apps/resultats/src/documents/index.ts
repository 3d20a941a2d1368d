/** The election documents' code sources (the états and the lettre type are rows of migration 0003). */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { procesVerbalSource, proclamationSource } from './sources.ts';

export function registerDocuments(registry: Registry): void {
  registry.documentSources.add(procesVerbalSource);
  registry.documentSources.add(proclamationSource);
}

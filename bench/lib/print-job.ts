/**
 * The framework's side of a documents benchmark: an état (or lettre type) found as an
 * administrator of `collectivite` would, printed for `keys` by the print job's renderer
 * (`renderBatch`, what « Mes traitements » runs) into `file`. Imported lazily by the child process
 * that measures it, so that its memory is the renderer's own.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Registry } from '../../framework/src/model/registry.ts';

export interface PrintJobBench {
  readonly url: string;
  readonly collectivite: number;
  readonly kind: 'etat' | 'lettretype';
  readonly id: string;
  readonly keys: readonly (string | number)[];
  readonly file: string;
  /** Registers what the document's code sources or objects need (none for an SQL source). */
  readonly register?: (registry: Registry) => void;
}

export async function printJobToFile(bench: PrintJobBench): Promise<void> {
  const { asApplicationRole, openDatabase } = await import('../../framework/src/db/index.ts');
  const { Registry } = await import('../../framework/src/model/registry.ts');
  const { findDocument } = await import('../../framework/src/documents/render/definition.ts');
  const { renderBatch } = await import('../../framework/src/documents/render/batch.ts');
  const db = await asApplicationRole(await openDatabase({ url: bench.url, poolSize: 2 }));
  const registry = new Registry();
  bench.register?.(registry);
  const actor = {
    userId: 1, login: 'admin', nom: 'Administrateur', email: '', profileId: 1, profileLabel: 'ADMINISTRATEUR', hierarchy: 0,
    collectivite: bench.collectivite, niveau: '1' as const, workingCollectivite: bench.collectivite, permissions: new Set<string>(), via: 'session' as const,
  };
  const definition = await findDocument(db, actor, bench.kind, bench.id);
  if (!definition) throw new Error(`${bench.kind} « ${bench.id} » introuvable`);
  const output = createWriteStream(bench.file);
  await renderBatch({ db, registry, config: { dataDir: tmpdir() } }, {
    actor,
    locale: 'fr',
    definition,
    keys: bench.keys,
    write: async (chunk) => {
      if (!output.write(chunk)) await once(output, 'drain');
    },
  });
  output.end();
  await once(output, 'close');
  await db.close();
}

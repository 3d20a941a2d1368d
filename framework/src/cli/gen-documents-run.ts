/** `commun gen --documents` once its arguments are accepted (cli/gen-documents.ts). */
import type { Application } from '../application.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadConfig } from '../config/index.ts';
import { ASSISTANT_KINDS, collectiviteExists, niveau2Collectivite, writeAssistantDocuments } from '../documents/assistants/index.ts';
import { objetOf } from '../documents/objet.ts';
import { t } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { Runtime } from '../runtime.ts';
import type { DocumentsOptions } from './gen-documents.ts';

/** The registered objects of the application (or the framework's), with a key: what a document prints. */
function objectsOf(runtime: Runtime, app: string, table: string | undefined): RegisteredObject[] {
  return runtime.registry
    .all()
    .filter((object) => object.app === app && object.meta.key !== null && (table === undefined || object.name === table))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function run(runtime: Runtime, app: string, options: DocumentsOptions): Promise<number> {
  const objects = objectsOf(runtime, app, options.table);
  if (objects.length === 0) {
    console.error(options.table === undefined ? t('generator.documents.cli.noTables', { app }) : t('generator.documents.unknownTable', { table: options.table }));
    return 2;
  }
  const collectivite = options.collectivite ?? (await niveau2Collectivite(runtime.db));
  if (collectivite === undefined) {
    console.error(t('generator.documents.noCollectivite'));
    return 2;
  }
  if (!(await collectiviteExists(runtime.db, collectivite))) {
    console.error(t('generator.documents.cli.unknownCollectivite', { collectivite }));
    return 2;
  }
  let created = 0;
  let existing = 0;
  for (const object of objects) {
    const written = await writeAssistantDocuments(runtime.db, runtime.registry, object, ASSISTANT_KINDS, collectivite);
    console.log(t('generator.documents.cli.table', { objet: objetOf(object) }));
    for (const document of written) {
      const kind = t(`generator.documents.kind_${document.kind}`);
      if (document.status === 'created') created++;
      else existing++;
      console.log(`  ${document.status === 'created' ? t('generator.documents.created', { kind, id: document.id, libelle: document.libelle }) : t('generator.documents.exists', { kind, id: document.id })}`);
    }
  }
  console.log(t('generator.documents.cli.done', { created, existing }));
  return 0;
}

export async function runDocumentsCommand(applications: readonly Application[], app: string, options: DocumentsOptions): Promise<number> {
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, applications);
  try {
    return await run(runtime, app, options);
  } finally {
    await runtime.db.close();
  }
}

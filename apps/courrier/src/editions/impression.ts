/**
 * An edition of a period (« Registre du courrier », « Statistiques du courrier ») printed through
 * the documents engine: the état of the user's collectivité (else the niveau-2 one, editable in
 * Administration › Éditions) rendered for a key that carries the criteria (migration 0005). A page
 * starts it as a print job: the PDF is offered in « Mes traitements », whatever its length.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { PRINT_JOB } from '../../../../framework/src/documents/batch-job.ts';
import { findDocument, renderDefinition, type RenderRuntime } from '../../../../framework/src/documents/render/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { JobRunner } from '../../../../framework/src/jobs/index.ts';
import { RouteError } from '../../../../framework/src/model/app-routes.ts';
import type { ReadDeps } from '../../../../framework/src/records/read.ts';

export interface Edition {
  /** The état's `id`. */
  readonly etat: string;
  /** Its `&idx`: the criteria. */
  readonly cle: string;
  /** « Registre des arrivées du 01/01/2026 au 31/03/2026 »: the job's name in « Mes traitements ». */
  readonly libelle: string;
  /** The PDF's file name. */
  readonly fichier: string;
}

/** The PDF of an edition, read as `actor` (row-level security: what he does not see is not printed). */
export async function imprimerEdition(runtime: RenderRuntime, actor: Actor, locale: Locale, edition: Edition): Promise<Buffer> {
  const definition = await findDocument(runtime.db, actor, 'etat', edition.etat);
  if (!definition) throw RouteError.notFound(`L’état « ${edition.etat} » n’existe pas ou n’est pas actif : voyez Administration › Éditions.`);
  const { pdf } = await renderDefinition(runtime, definition, { actor, locale, kind: 'etat', id: edition.etat, key: edition.cle, objet: definition.objet ?? '' });
  return pdf;
}

/** Starts the print job of an edition; returns its id. */
export async function lancerEdition(jobs: JobRunner, service: ReadDeps, actor: Actor, locale: Locale, edition: Edition): Promise<string> {
  const job = await jobs.start(PRINT_JOB, actor, {
    context: { app: 'courrier', table: 'courrier', kind: 'etat', id: edition.etat, label: edition.libelle },
  }, async (context) => {
    context.report(0, 1);
    const chemin = context.resultPath(edition.fichier);
    // A job's files live in <data folder>/traitements/<id>/: the logos are in the same data folder.
    const dataDir = resolve(dirname(chemin), '..', '..');
    const pdf = await imprimerEdition({ db: service.db, registry: service.registry, config: { dataDir } }, actor, locale, edition);
    await writeFile(chemin, pdf);
    context.report(1, 1);
    return { documents: 1, file: edition.fichier };
  });
  return job.id;
}

/**
 * The import of one CSV file (openMairie's `om_import`, without its flaw: every line is created
 * through the record service as the user — permission `<table>_ajouter`, collectivité, validation,
 * hooks, audit — so an import cannot do what the form refuses). Each line is its own transaction:
 * a refused line is rejected with the service's reasons and the others go on. In a simulation,
 * each line is checked completely and rolled back.
 */
import type { Actor } from '../access/actor.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { ProgressReporter } from '../jobs/index.ts';
import type { ImportSpec } from '../model/specs.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { createRecord, ServiceError, type ReadDeps } from '../records/index.ts';
import { countCsvLines, csvLines, type Separator } from './csv-lines.ts';
import { decodeCsv } from './decode.ts';
import { isEmptyLine, mapLine } from './line.ts';
import { ReferenceResolver } from './references.ts';
import { RejectCollector, type ImportResult } from './result.ts';

export interface ImportRequest {
  readonly spec: ImportSpec;
  readonly object: RegisteredObject;
  readonly bytes: Uint8Array;
  readonly separator: Separator;
  /** The first line holds the column names: it is skipped. */
  readonly header: boolean;
  readonly simulation: boolean;
  /** The upload's request id, written in the audit entries of the created rows. */
  readonly requestId?: string | undefined;
}

/** The service's refusal as reasons, each naming its column (« Nom » : …) unless it already does. */
function reasonsOf(error: ServiceError, object: RegisteredObject, locale: Locale | undefined): string[] {
  const fields = Object.entries(error.fields);
  if (fields.length === 0) return [error.message];
  return fields.map(([name, message]) => {
    const label = object.meta.fields.find((field) => field.name === name)?.label ?? name;
    return message.includes(`« ${label} »`) ? message : t('imports.reject.field', { label, message }, locale);
  });
}

/** The record's input with each foreign key's label replaced by its key; the reasons of the cells that name nothing. */
async function resolveReferences(spec: ImportSpec, input: Readonly<Record<string, string>>, resolver: ReferenceResolver) {
  const values: Record<string, string> = { ...input };
  const reasons: string[] = [];
  for (const field of spec.fields) {
    const cell = input[field.name];
    if (!field.reference || cell === undefined) continue;
    const resolved = await resolver.resolve(field, cell);
    if (resolved.ok) values[field.name] = resolved.value;
    else reasons.push(resolved.reason);
  }
  return { values, reasons };
}

interface LineContext {
  readonly deps: ReadDeps;
  readonly actor: Actor;
  readonly request: ImportRequest;
  readonly resolver: ReferenceResolver;
}

/** Creates one line's record; the reasons it was refused, or undefined when it was accepted. */
async function importLine(context: LineContext, cells: readonly string[]): Promise<string[] | undefined> {
  const { deps, actor, request } = context;
  const mapped = mapLine(request.spec, cells, deps.locale);
  if (!mapped.ok) return [mapped.reason];
  const { values, reasons } = await resolveReferences(request.spec, mapped.input, context.resolver);
  if (reasons.length > 0) return reasons;
  try {
    await createRecord(deps, actor, request.object, values, { requestId: request.requestId, simulate: request.simulation });
    return undefined;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return reasonsOf(error, request.object, deps.locale);
  }
}

export async function runImport(deps: ReadDeps, actor: Actor, request: ImportRequest, progress: ProgressReporter): Promise<ImportResult> {
  const { spec, separator } = request;
  const locale = deps.locale;
  const { text, encoding } = decodeCsv(request.bytes);
  // A first reading counts the lines and proves the whole file readable before anything is written.
  const total = await countCsvLines(text, separator, locale);
  progress.report(0, total);
  const rejects = new RejectCollector(spec.fields.map((field) => field.name), separator, locale);
  const context: LineContext = { deps, actor, request, resolver: new ReferenceResolver(deps, actor) };
  let header = 0;
  let empty = 0;
  let imported = 0;
  for await (const { number, cells } of csvLines(text, separator, locale)) {
    if (number === 1 && request.header) {
      header = 1;
      rejects.useHeader(cells);
    } else if (isEmptyLine(cells)) {
      empty += 1;
    } else {
      const reasons = await importLine(context, cells);
      if (reasons) rejects.add(number, cells, reasons);
      else imported += 1;
    }
    progress.report(number, total);
  }
  return {
    counts: { read: total, header, imported, rejected: rejects.count, empty },
    simulation: request.simulation,
    encoding,
    firstRejects: rejects.first,
    rejectFile: rejects.file(),
  };
}

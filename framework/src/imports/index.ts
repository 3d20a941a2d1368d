/** CSV import (« Administration › Import »): reading the file as a stream, the lines in batches through the record service. */
export { csvFileLines, csvLines, CsvUnreadable, isSeparator, SEPARATORS, type CsvLine, type Separator } from './csv-lines.ts';
export { decodeChunks, sniffFile, type CsvEncoding, type SniffedFile } from './decode.ts';
export { foldLabel, isEmptyLine, mapLine, type MappedLine } from './line.ts';
export { ReferenceResolver, type Resolution, type ResolvedLine } from './references.ts';
export {
  IMPORT_MODES,
  isImportMode,
  RejectCollector,
  REJECT_FILE,
  SHOWN_REJECTS,
  type ImportCounts,
  type ImportMode,
  type ImportResult,
  type RejectedLine,
} from './result.ts';
export { formatRanges, runImport, type ImportJob, type ImportRequest } from './run.ts';
export { updateKeyChoices, updateKeyColumns, type UpdateKeyChoice } from './update-key.ts';
export { BOM, downloadName, templateCsv } from './template.ts';

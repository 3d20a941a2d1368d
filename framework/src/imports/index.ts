/** CSV import (« Administration › Import »): reading the file, one record per line through the record service. */
export { countCsvLines, csvLines, isSeparator, SEPARATORS, type CsvLine, type Separator } from './csv-lines.ts';
export { decodeCsv, type CsvEncoding, type DecodedCsv } from './decode.ts';
export { foldLabel, isEmptyLine, mapLine, type MappedLine } from './line.ts';
export { ReferenceResolver, type Resolution } from './references.ts';
export { RejectCollector, SHOWN_REJECTS, type ImportCounts, type ImportResult, type RejectedLine } from './result.ts';
export { runImport, type ImportRequest } from './run.ts';
export { BOM, downloadName, templateCsv } from './template.ts';

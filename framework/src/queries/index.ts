/** Requêtes mémorisées (openMairie's `reqmo`): typed specs, checked choices, reads through the record service. */
export { QUERIES_PERMISSION, mayDownload, mayRunOn, mayUseQueries, runnableQueries } from './access.ts';
export { CSV_SEPARATORS, DEFAULT_LIMIT, MAX_LIMIT, OUTPUTS, planStoredQuery } from './plan.ts';
export type { CriterionChoice, CsvSeparator, PlanResult, QueryChoices, QueryOutput, QueryPlan } from './plan.ts';
export { exportQuery, runTable } from './run.ts';
export type { TableResult } from './run.ts';
export { queryShape } from './shape.ts';
export type { OfferedCriterion, QueryShape } from './shape.ts';
export { ADMIN_OUTPUTS, adminParameters, planAdminQuery, runAdminQuery } from './admin.ts';
export type { AdminOutput, AdminPlanResult, AdminQueryChoices, AdminQueryPlan } from './admin.ts';
export { ODS_MIME, XLSX_MIME, odsOf, xlsxOf } from './spreadsheet.ts';
export type { Sheet, SheetCell } from './spreadsheet.ts';

// What GET /callbacks/report and /callbacks/trend answer: the schemas the server validates with.
export type { CallbackReport, CallbackReportRow as ReportRow, SatisfactionTrendPoint as TrendPoint } from '@kefu/shared/callbacks-api';

export const REPORT_GROUPS = ['policy', 'team', 'agent', 'type'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

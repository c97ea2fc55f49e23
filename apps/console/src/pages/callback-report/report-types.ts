// What GET /callbacks/report and /callbacks/trend answer (apps/server/src/modules/callbacks/callback-report.ts).

export const REPORT_GROUPS = ['policy', 'team', 'agent', 'type'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportRow {
  key: string | null;
  label: string;
  due: number;
  onTime: number;
  late: number;
  /** past the deadline and still not done */
  missed: number;
  /** not yet due and not done */
  pending: number;
  /** closed by a manager with a reason */
  closed: number;
  reached: number;
  satisfied: number;
  neutral: number;
  unsatisfied: number;
  /** done / due, % */
  coveragePct: number | null;
  /** satisfied / reached, % */
  satisfactionPct: number | null;
  reopened: number;
  /** some policy in the row demands 100 % coverage */
  coverageRequired: boolean;
  /** satisfaction surveys answered in the period about this agent's work (grouped by agent; and the total) */
  surveysAnswered: number | null;
  surveyScorePct: number | null;
}

export interface CallbackReport {
  from: string;
  to: string;
  groupBy: string;
  rows: ReportRow[];
  total: ReportRow;
  reasons: { reason: string; count: number }[];
}

export interface TrendPoint {
  /** the day, or the Monday of the week (YYYY-MM-DD) */
  bucket: string;
  reached: number;
  satisfied: number;
  satisfactionPct: number | null;
  surveysAnswered: number;
  surveyScorePct: number | null;
}

import type { ChartOption } from '../../components/charts/e-chart.tsx';
import type { ReportRow, TrendPoint } from './report-types.ts';

// ECharts options of the report, built from the API's numbers. Colours follow
// the console's meaning: green done on time, orange late, red missed, grey not yet due.

export const OUTCOME_COLORS = { onTime: '#52c41a', late: '#fa8c16', missed: '#f5222d', pending: '#bfbfbf' } as const;
export type Outcome = keyof typeof OUTCOME_COLORS;
const OUTCOMES = Object.keys(OUTCOME_COLORS) as Outcome[];

/** A row that must reach 100 % coverage and does not: shown in red. */
export function coverageShort(row: Pick<ReportRow, 'coverageRequired' | 'coveragePct' | 'due'>): boolean {
  return row.coverageRequired && row.due > 0 && (row.coveragePct ?? 0) < 100;
}

/**
 * On time / late / missed (and not yet due) per row, as stacked horizontal bars: long policy names fit on the axis.
 * Rows with nothing due (only survey answers) have no bar.
 */
export function outcomeBarOption(all: { label: string; row: ReportRow }[], names: Record<Outcome, string>): ChartOption {
  const rows = all.filter((r) => r.row.due > 0);
  // ECharts draws the first category at the bottom: reverse so the chart reads like the table
  const ordered = [...rows].reverse();
  const shown = OUTCOMES.filter((o) => o !== 'pending' || rows.some((r) => r.row.pending > 0));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: shown.map((o) => ({
      name: names[o],
      type: 'bar' as const,
      stack: 'outcome',
      barMaxWidth: 28,
      itemStyle: { color: OUTCOME_COLORS[o] },
      emphasis: { focus: 'series' as const },
      data: ordered.map((r) => r.row[o]),
    })),
  };
}

/** Keys of every bucket with the API's points put in place; missing buckets stay empty (a gap, not a zero). */
export function alignTrend(keys: string[], points: TrendPoint[]): (TrendPoint | null)[] {
  const byKey = new Map(points.map((p) => [p.bucket, p]));
  return keys.map((k) => byKey.get(k) ?? null);
}

export function trendOption(keys: string[], points: TrendPoint[], names: { callbacks: string; surveys: string }, axisLabel: (key: string) => string): ChartOption {
  const aligned = alignTrend(keys, points);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : `${v} %`) },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: keys.map(axisLabel) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        name: names.callbacks,
        type: 'line',
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: '#1668dc' },
        data: aligned.map((p) => p?.satisfactionPct ?? null),
      },
      {
        name: names.surveys,
        type: 'line',
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: '#13c2c2' },
        data: aligned.map((p) => p?.surveyScorePct ?? null),
      },
    ],
  };
}

export function reasonsPieOption(reasons: { reason: string; count: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', overflow: 'truncate', width: 110 },
        data: reasons.map((r) => ({ name: r.reason, value: r.count })),
      },
    ],
  };
}

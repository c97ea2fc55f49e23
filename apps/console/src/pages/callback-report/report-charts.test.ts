import { describe, expect, it } from 'vitest';
import { alignTrend, coverageShort, outcomeBarOption } from './report-charts.ts';
import type { ReportRow, TrendPoint } from './report-types.ts';

const row = (over: Partial<ReportRow>): ReportRow => ({
  key: 'k', label: 'x', due: 10, onTime: 8, late: 1, missed: 1, pending: 0, closed: 0, reached: 9, satisfied: 7, neutral: 1, unsatisfied: 1,
  coveragePct: 90, satisfactionPct: 77.8, reopened: 1, coverageRequired: true, surveysAnswered: null, surveyScorePct: null, ...over,
});

describe('report charts', () => {
  it('flags coverage below 100 % only where it is required', () => {
    expect(coverageShort(row({}))).toBe(true);
    expect(coverageShort(row({ coveragePct: 100 }))).toBe(false);
    expect(coverageShort(row({ coverageRequired: false }))).toBe(false);
    // nothing due: nothing to miss
    expect(coverageShort(row({ due: 0, coveragePct: null }))).toBe(false);
  });

  it('stacks on time / late / missed per row in table order, not yet due only when there is some', () => {
    const names = { onTime: 'on time', late: 'late', missed: 'missed', pending: 'pending' };
    const option = outcomeBarOption([{ label: 'A', row: row({ onTime: 5 }) }, { label: 'B', row: row({ onTime: 3 }) }], names);
    expect(option.yAxis).toMatchObject({ data: ['B', 'A'] });
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['on time', 'late', 'missed']);
    expect(series[0].data).toEqual([3, 5]);
    const withPending = outcomeBarOption([{ label: 'A', row: row({ pending: 2 }) }], names);
    expect((withPending.series as unknown[]).length).toBe(4);
    // a row of survey answers only (nothing due in the period) has no bar
    const surveysOnly = outcomeBarOption([{ label: 'A', row: row({}) }, { label: '—', row: row({ due: 0, onTime: 0, late: 0, missed: 0, surveysAnswered: 2 }) }], names);
    expect(surveysOnly.yAxis).toMatchObject({ data: ['A'] });
  });

  it('puts trend points on their bucket and leaves the others empty', () => {
    const p = (bucket: string, pct: number): TrendPoint => ({ bucket, reached: 1, satisfied: 1, satisfactionPct: pct, surveysAnswered: 0, surveyScorePct: null });
    expect(alignTrend(['d1', 'd2', 'd3'], [p('d3', 50), p('d1', 100)])).toEqual([p('d1', 100), null, p('d3', 50)]);
  });
});

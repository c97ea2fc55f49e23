import ExcelJS from 'exceljs';
import type { CallbackReport, ReportRow } from './callback-report.ts';

// The callback summary report as a workbook: the table per group with a total
// row, the reasons for dissatisfaction, and the daily satisfaction trend.

const HEAD = {
  'zh-CN': {
    sheet: '回访汇总', reasons: '不满意原因', trend: '满意度趋势', group: '分组', due: '应回访', onTime: '按时完成', late: '超时完成',
    missed: '逾期未回访', pending: '未到期', closed: '主管结案', reached: '接通', satisfied: '满意', neutral: '一般', unsatisfied: '不满意',
    coverage: '回访率%', satisfaction: '满意率%', reopened: '重新处理', required: '须100%', total: '合计', reason: '原因', count: '次数',
    day: '日期', surveys: '问卷回收', surveyScore: '问卷得分%', period: '统计期间',
  },
  'en-US': {
    sheet: 'Callback summary', reasons: 'Dissatisfaction reasons', trend: 'Satisfaction trend', group: 'Group', due: 'Due', onTime: 'On time', late: 'Late',
    missed: 'Missed', pending: 'Not yet due', closed: 'Closed by manager', reached: 'Reached', satisfied: 'Satisfied', neutral: 'Neutral', unsatisfied: 'Unsatisfied',
    coverage: 'Coverage %', satisfaction: 'Satisfaction %', reopened: 'Reopened', required: '100% required', total: 'Total', reason: 'Reason', count: 'Count',
    day: 'Day', surveys: 'Surveys answered', surveyScore: 'Survey score %', period: 'Period',
  },
} as const;

export async function reportWorkbook(report: CallbackReport, trend: { bucket: string; reached: number; satisfied: number; satisfactionPct: number | null; surveysAnswered: number; surveyScorePct: number | null }[],
  locale: 'zh-CN' | 'en-US', timeZone: string): Promise<Buffer> {
  const h = HEAD[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kefu';
  const ws = wb.addWorksheet(h.sheet);
  const fmt = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone });
  ws.addRow([h.period, `${fmt(report.from)} – ${fmt(report.to)}`]);
  ws.addRow([]);
  const header = ws.addRow([h.group, h.due, h.onTime, h.late, h.missed, h.pending, h.closed, h.reached, h.satisfied, h.neutral, h.unsatisfied,
    h.coverage, h.satisfaction, h.reopened, h.required, h.surveys, h.surveyScore]);
  header.font = { bold: true };
  const line = (r: ReportRow, label: string) => [label, r.due, r.onTime, r.late, r.missed, r.pending, r.closed, r.reached, r.satisfied, r.neutral,
    r.unsatisfied, r.coveragePct, r.satisfactionPct, r.reopened, r.coverageRequired ? '✓' : '', r.surveysAnswered, r.surveyScorePct];
  for (const r of report.rows) ws.addRow(line(r, r.label === 'all' ? h.total : r.label));
  ws.addRow(line(report.total, h.total)).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 28 : 12; });

  const rs = wb.addWorksheet(h.reasons);
  rs.addRow([h.reason, h.count]).font = { bold: true };
  for (const r of report.reasons) rs.addRow([r.reason, r.count]);
  rs.getColumn(1).width = 40;

  const ts = wb.addWorksheet(h.trend);
  ts.addRow([h.day, h.reached, h.satisfied, h.satisfaction, h.surveys, h.surveyScore]).font = { bold: true };
  for (const t of trend) ts.addRow([t.bucket, t.reached, t.satisfied, t.satisfactionPct, t.surveysAnswered, t.surveyScorePct]);
  ts.getColumn(1).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

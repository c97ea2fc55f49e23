import { Card, Statistic, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n-provider.tsx';
import { coverageShort } from './report-charts.ts';
import type { ReportRow } from './report-types.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} %`);

/** The period's totals: how many were due and how they ended. */
export function ReportKpis({ total }: { total: ReportRow }) {
  const t = useT();
  const short = coverageShort(total);
  const items: { key: string; title: string; value: string | number; color?: string; hint?: string }[] = [
    { key: 'due', title: t('report.kpi.due'), value: total.due, hint: total.pending ? t('report.kpi.pendingHint', { n: total.pending }) : undefined },
    { key: 'onTime', title: t('report.kpi.onTime'), value: total.onTime, color: '#389e0d' },
    { key: 'late', title: t('report.kpi.late'), value: total.late, color: total.late ? '#d46b08' : undefined },
    { key: 'missed', title: t('report.kpi.missed'), value: total.missed, color: total.missed ? '#cf1322' : undefined },
    {
      key: 'coverage',
      title: t('report.kpi.coverage'),
      value: pct(total.coveragePct),
      color: short ? '#cf1322' : undefined,
      hint: t('report.kpi.coverageHint'),
    },
    { key: 'satisfaction', title: t('report.kpi.satisfaction'), value: pct(total.satisfactionPct), hint: t('report.kpi.satisfactionHint', { n: total.reached }) },
    { key: 'reopened', title: t('report.kpi.reopened'), value: total.reopened, hint: t('report.kpi.reopenedHint') },
  ];
  return (
    <div className="kefu-wallboard" data-testid="report-kpis">
      {items.map((k) => (
        <Card size="small" key={k.key}>
          <Tooltip title={k.hint}>
            <Statistic title={k.title} value={k.value} styles={{ content: { color: k.color } }} data-testid={`kpi-${k.key}`} />
          </Tooltip>
        </Card>
      ))}
    </div>
  );
}

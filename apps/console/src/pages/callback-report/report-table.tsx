import { Table, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/i18n-provider.tsx';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';
import { coverageShort } from './report-charts.ts';
import type { ReportRow } from './report-types.ts';

interface Props {
  rows: ReportRow[];
  total: ReportRow;
  /** the row's name as shown (callback types are translated) */
  labelOf: (row: ReportRow) => string;
  groupTitle: string;
}

const pct = (v: number | null) => (v === null ? '—' : `${v} %`);

/** One line per policy, team, agent or type, with the period's total at the bottom. */
export function ReportTable({ rows, total, labelOf, groupTitle }: Props) {
  const t = useT();
  const phone = usePhoneLayout();
  const num = (n: number, color?: string) => (n && color ? <Typography.Text style={{ color }}>{n}</Typography.Text> : n);
  return (
    <Table<ReportRow>
      size="small"
      rowKey={(r) => r.key ?? r.label}
      dataSource={rows}
      pagination={false}
      // headers wrap to fit a desk; a phone scrolls the table inside its card
      scroll={phone ? { x: 'max-content' } : undefined}
      data-testid="report-table"
      columns={[
        {
          title: groupTitle,
          key: 'label',
          fixed: phone ? 'left' : undefined,
          render: (_, r) => (
            <span>
              {labelOf(r)}
              {r.coverageRequired ? (
                <Tooltip title={t('report.requiredHint')}>
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    {t('report.required')}
                  </Tag>
                </Tooltip>
              ) : null}
            </span>
          ),
        },
        { title: t('report.kpi.due'), dataIndex: 'due', align: 'right' },
        { title: t('report.kpi.onTime'), dataIndex: 'onTime', align: 'right' },
        { title: t('report.kpi.late'), dataIndex: 'late', align: 'right', render: (n: number) => num(n, '#d46b08') },
        { title: t('report.kpi.missed'), dataIndex: 'missed', align: 'right', render: (n: number) => num(n, '#cf1322') },
        { title: t('report.col.pending'), dataIndex: 'pending', align: 'right' },
        { title: t('report.col.closed'), dataIndex: 'closed', align: 'right' },
        {
          title: t('report.kpi.coverage'),
          key: 'coverage',
          align: 'right',
          render: (_, r) =>
            coverageShort(r) ? (
              <Tooltip title={t('report.coverageShort')}>
                <Typography.Text type="danger" strong data-testid="coverage-short">
                  {pct(r.coveragePct)}
                </Typography.Text>
              </Tooltip>
            ) : (
              pct(r.coveragePct)
            ),
        },
        { title: t('report.col.reached'), dataIndex: 'reached', align: 'right' },
        {
          title: t('report.col.outcomes'),
          key: 'outcomes',
          render: (_, r) => (
            <span>
              <Typography.Text style={{ color: '#389e0d' }}>{r.satisfied}</Typography.Text> / {r.neutral} /{' '}
              <Typography.Text type={r.unsatisfied ? 'danger' : undefined}>{r.unsatisfied}</Typography.Text>
            </span>
          ),
        },
        { title: t('report.kpi.satisfaction'), dataIndex: 'satisfactionPct', align: 'right', render: pct },
        { title: t('report.kpi.reopened'), dataIndex: 'reopened', align: 'right' },
        // the customers' own ratings of each agent's work (surveys), beside the callbacks' verdicts
        { title: t('report.col.surveys'), dataIndex: 'surveysAnswered', align: 'right', render: (n: number | null) => (n === null ? '—' : n) },
        { title: t('report.col.surveyScore'), dataIndex: 'surveyScorePct', align: 'right', render: pct },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
            <Table.Summary.Cell index={0}>{t('report.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{total.due}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{total.onTime}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{total.late}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{total.missed}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{total.pending}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{total.closed}</Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {coverageShort(total) ? <Typography.Text type="danger">{pct(total.coveragePct)}</Typography.Text> : pct(total.coveragePct)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">{total.reached}</Table.Summary.Cell>
            <Table.Summary.Cell index={9}>
              {total.satisfied} / {total.neutral} / {total.unsatisfied}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={10} align="right">{pct(total.satisfactionPct)}</Table.Summary.Cell>
            <Table.Summary.Cell index={11} align="right">{total.reopened}</Table.Summary.Cell>
            <Table.Summary.Cell index={12} align="right">{total.surveysAnswered ?? '—'}</Table.Summary.Cell>
            <Table.Summary.Cell index={13} align="right">{pct(total.surveyScorePct)}</Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { EChart } from '../../components/charts/e-chart.tsx';
import { inZone } from '../../utils/time.ts';
import { callbackTypeLabel } from '../campaigns/callback-type.ts';
import { bucketKeys, defaultBucket, PERIODS, periodRange, type Period } from './report-period.ts';
import { outcomeBarOption, reasonsPieOption, trendOption } from './report-charts.ts';
import { REPORT_GROUPS, type CallbackReport, type ReportGroup, type ReportRow, type TrendPoint } from './report-types.ts';
import { ReportKpis } from './report-kpis.tsx';
import { reasonShare } from './report-words.ts';
import { ReportTable } from './report-table.tsx';
import { downloadXlsx } from '../../api/download-xlsx.ts';

/** 回访总结报告: the callbacks due in a period, how they ended, satisfaction and why customers were unhappy. */
export function CallbackReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>('last4Weeks');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [groupBy, setGroupBy] = useState<ReportGroup>('policy');
  const [bucketChoice, setBucketChoice] = useState<'day' | 'week' | null>(null);
  const [exporting, setExporting] = useState(false);
  // the period is fixed when chosen: "this week" does not move while the page is open
  const range = useMemo(() => periodRange(period, new Date(), custom), [period, custom]);
  const bucket = bucketChoice ?? (range ? defaultBucket(range) : 'day');

  const report = useRequest(
    () => (range ? api.get<CallbackReport>('/callbacks/report', { ...range, groupBy }) : Promise.resolve(undefined)),
    [range?.from, range?.to, groupBy],
  );
  const trend = useRequest(
    () =>
      range
        ? api.get<{ items: TrendPoint[] }>('/callbacks/trend', { ...range, bucket }).then((r) => r.items)
        : Promise.resolve<TrendPoint[]>([]),
    [range?.from, range?.to, bucket],
  );

  const labelOf = (r: ReportRow) => (groupBy === 'type' ? callbackTypeLabel(t, r.label) : r.label || '—');
  const data = report.data;
  const rows = useMemo(() => (data?.rows ?? []).map((row) => ({ label: labelOf(row), row })), [data, groupBy, t]);
  const barOption = useMemo(
    () =>
      outcomeBarOption(rows, {
        onTime: t('report.kpi.onTime'),
        late: t('report.kpi.late'),
        missed: t('report.kpi.missed'),
        pending: t('report.col.pending'),
      }),
    [rows, t],
  );
  const trendChart = useMemo(() => {
    if (!range) return null;
    const keys = bucketKeys(range, bucket);
    return trendOption(
      keys,
      trend.data ?? [],
      { callbacks: t('report.trend.callbacks'), surveys: t('report.trend.surveys') },
      (k) => (bucket === 'week' ? t('report.trend.weekOf', { day: k.slice(5) }) : k.slice(5)),
    );
  }, [range, bucket, trend.data, t]);
  const reasonsOption = useMemo(() => reasonsPieOption(data?.reasons ?? []), [data]);

  const exportXlsx = async () => {
    if (!range) return;
    setExporting(true);
    try {
      await downloadXlsx('/callbacks/report.xlsx', { ...range, groupBy }, `callback-report-${range.from.slice(0, 10)}.xlsx`);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const nothingDue = data && data.total.due === 0;
  const reasonTotal = (data?.reasons ?? []).reduce((a, r) => a + r.count, 0);
  return (
    <div data-testid="callback-report">
      <PageTitle
        title={t('menu.callbackReport')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void Promise.all([report.reload(), trend.reload()])}>
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={!range || !!nothingDue}
              onClick={() => void exportXlsx()}
              data-testid="report-export"
            >
              {t('report.export')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]}>
          <Space wrap>
            <Typography.Text type="secondary">{t('report.period')}</Typography.Text>
            <Segmented
              value={period}
              onChange={(v) => {
                setPeriod(v as Period);
                setBucketChoice(null);
              }}
              options={PERIODS.map((p) => ({ value: p, label: t(`report.period.${p}`) }))}
              data-testid="report-period"
            />
          </Space>
          {period === 'custom' ? (
            <DatePicker.RangePicker
              value={custom}
              onChange={(v) => {
                setCustom(v?.[0] && v[1] ? [v[0], v[1]] : null);
                setBucketChoice(null);
              }}
              data-testid="report-range"
            />
          ) : null}
          <Space>
            <Typography.Text type="secondary">{t('report.groupBy')}</Typography.Text>
            <Select
              style={{ width: 170 }}
              value={groupBy}
              onChange={setGroupBy}
              options={REPORT_GROUPS.map((g) => ({ value: g, label: t(`report.group.${g}`) }))}
              data-testid="report-group"
            />
          </Space>
          {range ? (
            <Typography.Text type="secondary" data-testid="report-range-text">
              {t('report.rangeText', { from: range.from.slice(0, 10), to: lastDay(range.to) })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>

      {!range ? (
        <Card>
          <Empty description={t('report.pickRange')} />
        </Card>
      ) : nothingDue ? (
        <Card style={{ marginBottom: 12 }}>
          <Empty description={t('report.empty')} data-testid="report-empty" />
        </Card>
      ) : (
        <>
          {data ? <ReportKpis total={data.total} /> : null}
          <Card size="small" title={t('report.byGroup', { group: t(`report.group.${groupBy}`) })} style={{ marginBottom: 12 }} loading={report.loading && !data}>
            {data ? <ReportTable rows={data.rows} total={data.total} labelOf={labelOf} groupTitle={t(`report.group.${groupBy}`)} /> : null}
          </Card>
          <Row gutter={12}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('report.outcomeChart')} style={{ marginBottom: 12, height: 'calc(100% - 12px)' }}>
                <EChart option={barOption} height={Math.max(220, rows.filter((r) => r.row.due > 0).length * 44 + 60)} data-testid="report-bar" />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('report.reasons')} style={{ marginBottom: 12, height: 'calc(100% - 12px)' }} data-testid="report-reasons">
                {data?.reasons.length ? (
                  <>
                    <EChart option={reasonsOption} height={200} />
                    <ol style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
                      {data.reasons.map((r) => (
                        <li key={r.reason} style={{ lineHeight: '24px' }}>
                          {r.reason}
                          <Typography.Text type="secondary" style={{ float: 'right' }}>
                            {reasonShare(t, r.count, reasonTotal)}
                          </Typography.Text>
                        </li>
                      ))}
                    </ol>
                  </>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noReasons')} />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}

      {range ? (
        <Card
          size="small"
          title={t('report.trend')}
          extra={
            <Segmented
              size="small"
              value={bucket}
              onChange={(v) => setBucketChoice(v as 'day' | 'week')}
              options={[
                { value: 'day', label: t('report.trend.day') },
                { value: 'week', label: t('report.trend.week') },
              ]}
              data-testid="trend-bucket"
            />
          }
        >
          {trend.data && !trend.data.length ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.trend.empty')} />
          ) : trendChart ? (
            <EChart option={trendChart} height={280} data-testid="report-trend" />
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

/** The report runs to `to` (exclusive): the last day shown is the one before. */
function lastDay(toIso: string): string {
  return inZone(toIso).subtract(1, 'day').format('YYYY-MM-DD');
}

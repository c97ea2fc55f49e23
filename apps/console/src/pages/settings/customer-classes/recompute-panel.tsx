import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { EyeOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ClassMove, ClassRules, RecomputePreview, RecomputeRun } from '@kefu/shared/customer-classes-api';
import { api, itemsOf } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { ResponsiveTable } from '../../../components/responsive-table.tsx';
import { className, classColor, reasonWords } from '../../../components/customer-class/class-words.ts';
import { formatDateTime } from '../../../utils/time.ts';

const LIMIT = 200;

/** Preview who moves from which class to which and why, then apply it in the background with a progress bar. */
export function RecomputePanel({ rules }: { rules: ClassRules | null }) {
  const t = useT();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<RecomputePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<RecomputeRun | null>(null);
  const runs = useRequest(() => api.get<{ items: RecomputeRun[] }>('/customer-classes/runs', { limit: 5 }).then(itemsOf), []);

  // a run in the background: follow its progress until it is done
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      api.get<RecomputeRun>(`/customer-classes/runs/${run.id}`).then((next) => {
        setRun(next);
        if (next.status !== 'running') {
          void runs.reload();
          setPreview(null);
          if (next.status === 'done') void message.success(t('cc.runDone', { moved: next.moved }));
        }
      }).catch(() => { /* reported by the API client */ });
    }, 1000);
    return () => clearTimeout(timer);
  }, [run, runs, message, t]);

  const doPreview = async () => {
    setBusy(true);
    try {
      setPreview(await api.post<RecomputePreview>('/customer-classes/recompute', { apply: false, limit: LIMIT }));
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    setBusy(true);
    try {
      setRun(await api.post<RecomputeRun>('/customer-classes/recompute', { apply: true }));
    } catch {
      // reported by the API client (e.g. a run already going)
    } finally {
      setBusy(false);
    }
  };
  const tag = (key: string | null) => <Tag color={classColor(rules, key)}>{className(rules, key, t('cc.noTier'))}</Tag>;
  const running = run?.status === 'running';

  return (
    <Card size="small" title={t('cc.recompute')} data-testid="recompute-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<EyeOutlined />} loading={busy && !preview} onClick={doPreview} disabled={running} data-testid="recompute-preview">{t('cc.preview')}</Button>
        <Popconfirm title={t('cc.applyConfirm')} onConfirm={apply} okButtonProps={{ 'data-testid': 'recompute-apply-ok' } as Record<string, string>}>
          <Button type="primary" icon={<ThunderboltOutlined />} disabled={!preview || !preview.total || running} data-testid="recompute-apply">{t('cc.apply')}</Button>
        </Popconfirm>
      </Space>
      {run ? (
        <div style={{ marginBottom: 12 }} data-testid="recompute-progress">
          <Typography.Text>{running ? t('cc.runProgress', { done: run.done, total: run.total }) : t('cc.runDone', { moved: run.moved })}</Typography.Text>
          <Progress percent={run.total ? Math.round((run.done / run.total) * 100) : 100} status={run.status === 'failed' ? 'exception' : running ? 'active' : 'success'} />
        </div>
      ) : null}
      {preview ? (
        <div data-testid="recompute-result">
          <Alert type={preview.total ? 'info' : 'success'} showIcon style={{ marginBottom: 12 }}
            title={preview.total ? t('cc.previewSay', { quarter: preview.quarter, customers: preview.customers, total: preview.total }) : t('cc.nothingMoves')} />
          {preview.total ? (
            <>
              <Typography.Title level={5}>{t('cc.flows')}</Typography.Title>
              <Table
                size="small"
                rowKey={(f) => `${f.from}-${f.to}`}
                pagination={false}
                dataSource={preview.flows}
                style={{ marginBottom: 12, maxWidth: 480 }}
                columns={[
                  { title: t('cc.from'), dataIndex: 'from', render: (k: string | null) => tag(k) },
                  { title: t('cc.to'), dataIndex: 'to', render: (k: string) => tag(k) },
                  { title: '#', dataIndex: 'count', align: 'right' },
                ]}
              />
              <Typography.Title level={5}>{t('cc.moves', { n: Math.min(LIMIT, preview.total) })}</Typography.Title>
              <ResponsiveTable<ClassMove>
                size="small"
                rowKey="customerId"
                dataSource={preview.moves}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('customer.name'), dataIndex: 'customerName', render: (n: string, m) => <Link to={`/customers/${m.customerId}`}>{n}</Link> },
                  { title: t('cc.from'), dataIndex: 'from', width: 120, render: (k: string | null) => tag(k) },
                  { title: t('cc.to'), dataIndex: 'to', width: 120, render: (k: string) => tag(k) },
                  { title: t('cc.reason'), dataIndex: 'reason', render: (r: ClassMove['reason']) => reasonWords(t, r) },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('cc.runs')}</Typography.Title>
      {(runs.data ?? []).length ? (
        <ResponsiveTable<RecomputeRun>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={runs.data ?? []}
          columns={[
            { title: t('ticket.createdAt'), dataIndex: 'startedAt', render: formatDateTime },
            { title: t('cc.run.by'), dataIndex: 'startedByName', render: (n: string | null) => n ?? t('cc.run.system') },
            { title: 'Q', dataIndex: 'quarter', width: 80 },
            { title: t('cc.runStatus'), dataIndex: 'status', width: 90, render: (s: RecomputeRun['status']) => t(`cc.run.${s}`) },
            { title: t('cc.moved'), dataIndex: 'moved', width: 90, align: 'right' },
          ]}
        />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cc.runsEmpty')} />}
    </Card>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Progress, Space, Switch, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportRun, ImportRunDetail } from '@kefu/shared/customer-imports-api';
import { api } from '../../api/client.ts';
import { downloadXlsx } from '../../api/download-xlsx.ts';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ImportSummary } from './import-summary.tsx';
import { ImportErrorTable } from './import-error-table.tsx';

/**
 * Import customers from a spreadsheet: the template, a file, a dry run (on by
 * default: see what would happen first), then the run's progress, counts and
 * errors while the server works through it in the background.
 */
export function ImportDrawer({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const phone = usePhoneLayout();
  const picker = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<ImportRunDetail | null>(null);

  // the run goes on in the background: follow it until it is done (the list behind shows what it added)
  const follow = useCallback(async (id: string) => {
    const next = await api.get<ImportRunDetail>(`/customer-imports/${id}`);
    setRun(next);
    if (next.status === 'done' && !next.dryRun) onImported();
  }, [onImported]);
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => void follow(run.id).catch(() => { /* reported by the API client */ }), 1000);
    return () => clearTimeout(timer);
  }, [run, follow]);

  const start = async (asDryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const started = await api.upload<ImportRun>('/customer-imports', file, { query: { dryRun: asDryRun } });
      setDryRun(asDryRun);
      setRun({ ...started, errors: [] });
      // the run may be done already (a small file): its errors at once
      await follow(started.id);
    } catch {
      // reported by the API client (unreadable file, headings missing…, in the user's language)
    } finally {
      setBusy(false);
    }
  };
  const download = async (path: string, name: string) => {
    try {
      await downloadXlsx(path, {}, name);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const running = run?.status === 'running';

  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 720} title={t('ci.title')} destroyOnHidden data-testid="import-drawer">
      <Typography.Paragraph type="secondary">{t('ci.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void download('/customer-imports/template.xlsx', 'customer-import-template.xlsx')} data-testid="import-template">
          {t('ci.template')}
        </Button>
        <input ref={picker} type="file" hidden accept=".xlsx,.csv" data-testid="import-file"
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) { setFile(f); setRun(null); } }} />
        <Button icon={<FileExcelOutlined />} onClick={() => picker.current?.click()} disabled={running}>{t('ci.pickFile')}</Button>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="import-file-name" style={{ wordBreak: 'break-all' }}>{file ? file.name : t('ci.fileHint')}</Typography.Text>
      </div>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Switch checked={dryRun} onChange={setDryRun} disabled={running} data-testid="import-dry-run" />
        <Typography.Text>{t('ci.dryRun')}</Typography.Text>
        <Typography.Text type="secondary">{t('ci.dryRunHint')}</Typography.Text>
      </Space>
      <div style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<UploadOutlined />} disabled={!file || running} loading={busy} onClick={() => void start(dryRun)} data-testid="import-start">
          {dryRun ? t('ci.startDry') : t('ci.start')}
        </Button>
      </div>
      {run ? (
        <div data-testid="import-run">
          <Typography.Text data-testid="import-progress-text">
            {running ? t('ci.progress', { processed: run.processed, total: run.total })
              : run.status === 'failed' ? t('ci.failed') : run.dryRun ? t('ci.doneDry') : t('ci.done')}
          </Typography.Text>
          <Progress percent={run.total ? Math.floor((run.processed / run.total) * 100) : 100}
            status={run.status === 'failed' ? 'exception' : running ? 'active' : 'success'} data-testid="import-progress" />
          <ImportSummary run={run} />
          {run.ignoredColumns.length ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ci.ignored', { columns: run.ignoredColumns.join('、') })} />
          ) : null}
          {run.dryRun && run.status === 'done' && file ? (
            <Button type="primary" style={{ marginBottom: 12 }} loading={busy} onClick={() => void start(false)} data-testid="import-for-real">
              {t('ci.importForReal')}
            </Button>
          ) : null}
          {run.status !== 'running' ? <ImportErrorTable run={run} onDownload={() => void download(`/customer-imports/${run.id}/errors.xlsx`, 'errors.xlsx')} /> : null}
        </div>
      ) : null}
    </Drawer>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Pagination, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportError, ImportErrorsPage, ImportRunDetail } from '@kefu/shared/customer-imports-api';
import { api } from '../../api/client.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';

const PAGE = 10;

/** The run's errors, a page at a time from the server (one line per problem), and the whole report as a workbook. */
export function ImportErrorTable({ run, onDownload }: { run: ImportRunDetail; onDownload: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<ImportError[]>(run.errors.slice(0, PAGE));
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (page === 1) {
      setItems(run.errors.slice(0, PAGE));
      return;
    }
    let live = true;
    setLoading(true);
    api.get<ImportErrorsPage>(`/customer-imports/${run.id}/errors`, { offset: (page - 1) * PAGE, limit: PAGE })
      .then((p) => { if (live) setItems(p.items); })
      .catch(() => { /* reported by the API client */ })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [page, run.id, run.errors]);

  if (!run.errorCount) return <Alert type="success" showIcon title={t('ci.noErrors')} data-testid="import-no-errors" />;
  return (
    <div data-testid="import-errors">
      <Space wrap style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('ci.errors')} ({run.errorCount})</Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={onDownload} data-testid="import-download-errors">{t('ci.downloadErrors')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('ci.errorsHint')}</Typography.Paragraph>
      <ResponsiveTable<ImportError>
        size="small"
        rowKey={(e) => `${e.row}-${e.code}-${e.column ?? ''}`}
        loading={loading}
        pagination={false}
        dataSource={items}
        data-testid="import-error-table"
        columns={[
          { title: t('ci.row'), dataIndex: 'row', width: 70 },
          { title: t('ci.column'), dataIndex: 'columnLabel', width: 110 },
          { title: t('ci.value'), dataIndex: 'value', width: 140, ellipsis: true },
          { title: t('ci.message'), dataIndex: 'message' },
        ]}
      />
      <Pagination simple size="small" style={{ marginTop: 8, textAlign: 'right' }} current={page} pageSize={PAGE} total={run.errorCount}
        onChange={setPage} hideOnSinglePage data-testid="import-error-pages" />
    </div>
  );
}

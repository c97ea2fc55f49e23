import { Space, Statistic } from 'antd';
import type { ImportRun } from '@kefu/shared/customer-imports-api';
import { useT } from '../../i18n/i18n-provider.tsx';

/** What the run did (or, a dry run, would do): added, updated, unchanged, figures, rows skipped. */
export function ImportSummary({ run }: { run: ImportRun }) {
  const t = useT();
  const items = [
    { key: 'created', title: t(run.dryRun ? 'ci.wouldCreate' : 'ci.created'), value: run.created },
    { key: 'updated', title: t(run.dryRun ? 'ci.wouldUpdate' : 'ci.updated'), value: run.updated },
    { key: 'unchanged', title: t('ci.unchanged'), value: run.unchanged },
    { key: 'measures', title: t('ci.measures'), value: run.measures },
    { key: 'errorRows', title: t('ci.errorRows'), value: run.errorRows },
  ];
  return (
    <Space wrap size={[24, 8]} style={{ margin: '8px 0 12px' }} data-testid="import-summary">
      {items.map((i) => (
        <Statistic key={i.key} title={i.title} value={i.value} data-testid={`import-count-${i.key}`}
          styles={{ content: { fontSize: 20, color: i.key === 'errorRows' && i.value ? '#cf1322' : undefined } }} />
      ))}
    </Space>
  );
}

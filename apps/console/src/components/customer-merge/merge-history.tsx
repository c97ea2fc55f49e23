import { Card, List, Typography } from 'antd';
import type { CustomerMerge } from '@kefu/shared/customer-archive-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';

/** The merges a customer took part in: who went into whom, what was filled, whether it was undone. */
export function MergeHistory({ items }: { items: CustomerMerge[] }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <Card size="small" title={t('ca.merges')} style={{ marginBottom: 12 }} data-testid="merge-history">
      <List size="small" dataSource={items} renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={<Typography.Text delete={!!m.undoneAt}>{t('ca.mergeRow', { from: m.fromName, into: m.intoName })}</Typography.Text>}
            description={[
              `${formatDateTime(m.at)} · ${m.actorName ?? '—'}`,
              m.filled.length ? t('ca.mergeFilled', { fields: m.filled.map((f) => t(`ca.field.${f}` as MessageKey)).join('、') }) : null,
              m.undoneAt ? t('ca.mergeUndoneAt', { at: formatDateTime(m.undoneAt) }) : null,
            ].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )} />
    </Card>
  );
}

import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import type { ClassChange, ClassRules } from '@kefu/shared/customer-classes-api';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { className, classColor, reasonWords } from './class-words.ts';

/** A customer's class changes, newest first, each with why and who. */
export function ClassHistory({ items, rules, loading }: { items: ClassChange[]; rules: ClassRules | null; loading: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t('cc.history')} loading={loading} style={{ marginBottom: 12 }} data-testid="class-history">
      {items.length ? (
        <Timeline
          items={items.map((c) => ({
            key: c.id,
            children: (
              <div>
                <Typography.Text strong>{t(`cc.source.${c.source}`)}</Typography.Text>{' '}
                {c.from !== c.to ? (
                  <>
                    <Tag color={classColor(rules, c.from)}>{className(rules, c.from, t('cc.noTier'))}</Tag>→{' '}
                    <Tag color={classColor(rules, c.to)}>{className(rules, c.to, t('cc.noTier'))}</Tag>
                  </>
                ) : null}
                <div><Typography.Text type="secondary">{reasonWords(t, c.reason) || c.note}</Typography.Text></div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(c.at)}{c.actorName ? ` · ${c.actorName}` : ''}</Typography.Text>
              </div>
            ),
          }))}
        />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cc.historyEmpty')} />}
    </Card>
  );
}

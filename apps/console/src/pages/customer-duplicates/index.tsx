import { useState } from 'react';
import { App, Button, Card, Empty, Radio, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { DuplicateGroup } from '@kefu/shared/customer-archive-api';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { formatDateTime } from '../../utils/time.ts';

/** 重复客户: customers sharing a phone or e-mail; keep one, merge the rest into it (each merge can be undone on the customer's page). */
export function CustomerDuplicatesPage() {
  const t = useT();
  const [by, setBy] = useState<'phone' | 'email'>('phone');
  const pages = useCursorPages<DuplicateGroup>(by, (cursor) => api.get<Page<DuplicateGroup>>('/customers/duplicates', { by, limit: 10, cursor }));

  return (
    <div data-testid="customer-duplicates">
      <PageTitle title={t('ca.dupTitle')} extra={
        <Segmented value={by} onChange={(v) => setBy(v as 'phone' | 'email')}
          options={[{ value: 'phone', label: t('ca.dupByPhone') }, { value: 'email', label: t('ca.dupByEmail') }]} />
      } />
      <Typography.Paragraph type="secondary">{t('ca.dupIntro')}</Typography.Paragraph>
      <Spin spinning={pages.loading}>
        {!pages.loading && !pages.items.length ? <Empty description={t('ca.dupEmpty')} /> : null}
        <Space direction="vertical" style={{ width: '100%' }}>
          {pages.items.map((g) => <GroupCard key={`${g.by}:${g.key}`} group={g} onMerged={pages.reload} />)}
        </Space>
      </Spin>
      <CursorPager pageNumber={pages.pageNumber} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} />
    </div>
  );
}

function GroupCard({ group, onMerged }: { group: DuplicateGroup; onMerged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  // the oldest record is kept by default: it carries the longest history
  const [keep, setKeep] = useState(group.customers[0].id);
  const [busy, setBusy] = useState(false);
  const rest = group.customers.filter((c) => c.id !== keep);

  const merge = async () => {
    setBusy(true);
    let n = 0;
    try {
      for (const c of rest) {
        await api.post(`/customers/${c.id}/merge`, { intoId: keep });
        n++;
      }
    } catch {
      // reported by the API client; those merged so far stay merged
    } finally {
      setBusy(false);
      if (n) void message.success(t('ca.dupMerged', { n }));
      onMerged();
    }
  };

  return (
    <Card size="small" data-testid="duplicate-group"
      title={<Space wrap><span>{group.key}</span>{group.sameName ? <Tag color="warning">{t('ca.dupSameName')}</Tag> : <Tag>{t('ca.dupDifferentNames')}</Tag>}</Space>}>
      <Radio.Group value={keep} onChange={(e) => setKeep(e.target.value as string)} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {group.customers.map((c) => (
            <Radio key={c.id} value={c.id}>
              <Space wrap size={4}>
                <Link to={`/customers/${c.id}`}>{c.name}</Link>
                {c.tier ? <Tag>{c.tier}</Tag> : null}
                <Typography.Text type="secondary">{c.ownerName ?? t('ca.noOwner')} · {formatDateTime(c.createdAt)}</Typography.Text>
              </Space>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <div style={{ marginTop: 8 }}>
        <Button danger loading={busy} onClick={merge} data-testid="duplicate-merge">{t('ca.dupMergeRest', { n: rest.length })}</Button>
      </div>
    </Card>
  );
}

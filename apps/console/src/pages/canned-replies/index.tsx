import { useMemo } from 'react';
import { Card, Tabs } from 'antd';
import { useChatChannels } from '../../api/shared-data.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { cannedValues } from '../inbox/canned-model.ts';
import { CannedList } from './canned-list.tsx';
import { ShopFactsPanel } from './shop-facts.tsx';

/**
 * 话术: the canned replies agents put in a chat with `/shortcut` (KB-03/04,
 * INQ-10), and the shop facts their variables are filled with.
 */
export function CannedRepliesPage() {
  const t = useT();
  const me = useMe();
  const access = useAccess();
  const channels = useChatChannels();
  // the preview: a sample customer, the signed-in agent, the first chat channel's shop
  const sample = useMemo(() => {
    const first = channels?.find((c) => c.kind === 'chat');
    return cannedValues(
      { customer: { id: '', name: t('canned.sampleCustomer') }, visitorName: null, channelName: first?.name ?? '', channelId: first?.id ?? '' },
      me,
      channels,
    );
  }, [channels, me, t]);
  return (
    <div data-testid="canned-page">
      <PageTitle title={t('menu.cannedReplies')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'replies', label: t('canned.tab'), children: <CannedList sample={sample} /> },
            ...(access.inbox ? [{ key: 'shop', label: <span data-testid="canned-tab-shop">{t('shop.tab')}</span>, children: <ShopFactsPanel /> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}

import { useState } from 'react';
import { Alert, Button, Space, Tooltip } from 'antd';
import { useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { inZone } from '../../utils/time.ts';
import { morningCheckShown } from './live-model.ts';
import type { Queue } from './inbox-model.ts';

const key = (userId: string) => `kefu.morningCheck.${userId}`;

/**
 * The morning check (晨检, CHN-11): at the start of the day, the web leads,
 * form messages and chats nobody has answered yet come first — one click
 * shows them, longest waiting on top. Opening them, or "later", puts it
 * away until tomorrow.
 */
export function MorningCheck({ unanswered, queue, onOpen }: { unanswered: number | undefined; queue: Queue; onOpen: () => void }) {
  const t = useT();
  const me = useMe();
  const today = inZone(new Date()).format('YYYY-MM-DD');
  const [dismissedOn, setDismissedOn] = useState(() => localStorage.getItem(key(me.id)));
  if (!morningCheckShown({ unanswered, queue, dismissedOn, today })) return null;
  const putOff = () => {
    localStorage.setItem(key(me.id), today);
    setDismissedOn(today);
  };
  return (
    <div className="kefu-morning" data-testid="morning-check">
      <Alert
        type="info"
        title={
          <Tooltip title={t('inbox.morning.hint')}>
            <span>{t('inbox.morning.title', { n: unanswered ?? 0 })}</span>
          </Tooltip>
        }
        action={
          <Space direction="vertical" size={2} align="end">
            <Button
              size="small"
              type="primary"
              onClick={() => {
                // the check is done for today once its list is opened
                putOff();
                onOpen();
              }}
              data-testid="morning-check-open"
            >
              {t('inbox.morning.open')}
            </Button>
            <Button size="small" type="text" onClick={putOff}>
              {t('inbox.morning.later')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}

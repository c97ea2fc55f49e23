import { useState } from 'react';
import { Badge, Button, Empty, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { AppNotification } from '../api/types.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { hasMessage } from '../i18n/translate.ts';
import { formatDateTime } from '../utils/time.ts';
import { useNotifications } from './notifications-provider.tsx';

/** The header bell: unread count, the list newest first, mark all read. */
export function NotificationBell() {
  const t = useT();
  const feed = useNotifications();
  const [open, setOpen] = useState(false);
  const [more, setMore] = useState(false);

  const kindLabel = (k: string) => {
    const key = `notification.kind.${k}`;
    return hasMessage(key) ? t(key) : k;
  };

  const item = (n: AppNotification) => (
    <div
      key={n.id}
      role="button"
      tabIndex={0}
      className={`kefu-notice${n.readAt ? '' : ' unread'}${n.urgent ? ' urgent' : ''}`}
      onClick={() => {
        setOpen(false);
        feed.open(n);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          setOpen(false);
          feed.open(n);
        }
      }}
      data-testid="notification-item"
    >
      <div className="kefu-notice-title">
        {n.readAt ? null : <Badge status="processing" />}
        {n.urgent ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('notification.urgent')}
          </Tag>
        ) : null}
        <span>{n.title}</span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kindLabel(n.kind)} · {formatDateTime(n.createdAt)}
      </Typography.Text>
    </div>
  );

  const content = (
    <div className="kefu-notice-panel" data-testid="notification-panel">
      <div className="kefu-notice-head">
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        <Space size={4}>
          <Tooltip title={feed.live === 'live' ? t('notification.live') : t('notification.polling')}>
            <Badge status={feed.live === 'live' ? 'success' : feed.live === 'polling' ? 'warning' : 'default'} />
          </Tooltip>
          <Button size="small" type="link" disabled={!feed.unread} onClick={() => void feed.readAll()} data-testid="notification-read-all">
            {t('notification.readAll')}
          </Button>
        </Space>
      </div>
      <div className="kefu-notice-list">
        {feed.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} /> : feed.items.map(item)}
        {feed.nextCursor ? (
          <Button
            block
            type="text"
            size="small"
            loading={more}
            onClick={async () => {
              setMore(true);
              await feed.loadMore();
              setMore(false);
            }}
          >
            {t('notification.more')}
          </Button>
        ) : null}
      </div>
      <div className="kefu-notice-foot">
        <Link to="/me/notifications" onClick={() => setOpen(false)}>
          <SettingOutlined /> {t('notification.preferences')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void feed.refresh();
      }}
      trigger="click"
      placement="bottomRight"
      content={content}
      arrow={false}
      styles={{ container: { padding: 0 } }}
    >
      <Button type="text" aria-label={t('notification.title')} data-testid="notification-bell">
        <Badge count={feed.unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

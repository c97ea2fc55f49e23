import { useState } from 'react';
import { App, Button, Drawer, Empty, Input, Space, Spin, Tag, Typography } from 'antd';
import { EyeOutlined, LoginOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../../../api/client.ts';
import { agentMessageBody, takeConversationBody } from '../../../api/bodies.ts';
import type { ConversationDetail, ConversationMessage, LiveChat } from '../../../api/types.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { usePhoneLayout } from '../../../hooks/use-media-query.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useMe } from '../../../session/session-provider.tsx';
import { enterSends, visitorName } from '../../inbox/inbox-model.ts';
import { useConversation } from '../../inbox/use-conversation.ts';
import { useViewers } from '../../inbox/use-viewers.ts';
import { MessageList } from '../../inbox/message-list.tsx';
import { ConversationStatusTag } from '../../inbox/inbox-tags.tsx';

const reportHere = { silent: (e: ApiError) => e.status !== 401 };

/** Watching one chat (旁听): read-only and live, with a whisper to its agent and a take-over. */
export function WatchDrawer({ chat, onClose }: { chat: LiveChat | null; onClose: () => void }) {
  const t = useT();
  const phone = usePhoneLayout();
  return (
    <Drawer
      open={!!chat}
      size={phone ? '100%' : 560}
      title={chat ? t('liveChats.watchTitle', { name: chat.visitorName ?? chat.customer?.name ?? t('inbox.anonymous') }) : ''}
      onClose={onClose}
      destroyOnHidden
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
      data-testid="watch-drawer"
    >
      {chat ? <Watch key={chat.id} id={chat.id} /> : null}
    </Drawer>
  );
}

function Watch({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const conv = useConversation(id);
  // having it open brings its messages here live, and its agent sees who is watching
  const viewers = useViewers(id);
  const [whisper, setWhisper] = useState('');
  const [busy, setBusy] = useState<'whisper' | 'take' | null>(null);
  const [error, setError] = useState<ServerError | null>(null);
  const d = conv.detail;

  const send = async () => {
    const body = whisper.trim();
    if (!body || busy) return;
    setBusy('whisper');
    setError(null);
    try {
      const m = await api.post<ConversationMessage>(`/conversations/${id}/messages`, agentMessageBody({ body, internal: true }), reportHere);
      conv.addMessage(m);
      setWhisper('');
      void message.success(t('liveChats.whisperSent'));
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setBusy(null);
    }
  };

  const takeOver = async () => {
    setBusy('take');
    setError(null);
    try {
      await api.patch<ConversationDetail>(`/conversations/${id}`, takeConversationBody(me.id), reportHere);
      void message.success(t('liveChats.takenOver'));
      navigate(`/inbox?queue=mine&c=${id}`);
    } catch (e) {
      setError(serverErrorOf(e));
      setBusy(null);
    }
  };

  if (!d) {
    return conv.notFound ? (
      <Empty style={{ marginTop: 48 }} description={t('liveChats.gone')} data-testid="watch-gone" />
    ) : conv.error ? (
      <div style={{ padding: 16 }}>
        <ServerErrorAlert error={conv.error} pathLabel={(p) => p} testId="watch-load-error" />
      </div>
    ) : (
      <div className="kefu-inbox-center" style={{ marginTop: 48 }}>
        <Spin />
      </div>
    );
  }

  const agent = d.assigneeName ?? t('inbox.unassigned');
  const others = viewers.filter((v) => v.id !== d.assigneeId);
  return (
    <div className="kefu-watch" data-testid="watch" data-conversation-id={id}>
      <div className="kefu-watch-head">
        <Space wrap size={[8, 4]}>
          <Typography.Text strong>{visitorName(d) ?? t('inbox.anonymous')}</Typography.Text>
          <ConversationStatusTag status={d.status} />
          <Tag bordered={false}>{d.channelName}</Tag>
          <Typography.Text type="secondary" data-testid="watch-agent">{t('inbox.assignee', { name: agent })}</Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" className="kefu-watch-hint">
          <EyeOutlined /> {t('liveChats.watchHint')}
          {others.length ? ` · ${t('inbox.viewers.also', { names: others.map((v) => v.name).join('、') })}` : ''}
        </Typography.Paragraph>
        <Space wrap size={6}>
          {d.assigneeId !== me.id ? (
            <Button size="small" icon={<LoginOutlined />} loading={busy === 'take'} onClick={() => void takeOver()} data-testid="watch-take-over">
              {t('liveChats.takeOver')}
            </Button>
          ) : null}
          <Link to={`/inbox?queue=all&c=${id}`}>{t('liveChats.openInInbox')}</Link>
        </Space>
      </div>
      {error ? (
        <div style={{ padding: '8px 14px 0' }}>
          <ServerErrorAlert error={error} pathLabel={(p) => p} testId="watch-error" />
        </div>
      ) : null}
      <MessageList detail={d} messages={conv.messages} moreBefore={conv.moreBefore} onLoadOlder={() => void conv.loadOlder()} typing={conv.typing} />
      <div className="kefu-composer note kefu-whisper">
        <div className="kefu-composer-bar">
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t('liveChats.whisper')}</Tag>
        </div>
        <div className="kefu-composer-input">
          <Input.TextArea
            value={whisper}
            onChange={(e) => setWhisper(e.target.value)}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={5000}
            placeholder={t('liveChats.whisperPlaceholder', { name: agent })}
            onKeyDown={(e) => {
              if (enterSends(e.nativeEvent)) {
                e.preventDefault();
                void send();
              }
            }}
            data-testid="whisper-input"
          />
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'whisper'} disabled={!whisper.trim()} onClick={() => void send()} data-testid="whisper-send">
            {t('liveChats.whisperSend')}
          </Button>
        </div>
      </div>
    </div>
  );
}

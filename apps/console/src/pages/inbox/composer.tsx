import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Input, Segmented, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { ServerErrorAlert, type ServerError } from '../../components/server-error-alert.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { enterSends } from './inbox-model.ts';

export type ComposerMode = 'reply' | 'note';

interface Props {
  /** the viewer is the assignee: replies go to the visitor */
  canReply: boolean;
  /** why replying is off, with a way to take the conversation */
  replyHint: ReactNode;
  /** resolves true when sent (the text is cleared) */
  onSend: (body: string, internal: boolean) => Promise<boolean>;
  /** the agent types a reply */
  onTyping: () => void;
  error: ServerError | null;
  /** beside the text box: sending an image or a file (attach-button.tsx) */
  attach?: ReactNode;
}

/** 回复 / 内部备注, Enter sends and Shift+Enter starts a new line. */
export function Composer({ canReply, replyHint, onSend, onTyping, error, attach }: Props) {
  const t = useT();
  const [mode, setMode] = useState<ComposerMode>(canReply ? 'reply' : 'note');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  // taking the conversation turns replying on; losing it (a transfer) turns it off
  useEffect(() => setMode(canReply ? 'reply' : 'note'), [canReply]);
  const note = mode === 'note';

  const send = async () => {
    const body = text.trim();
    if (!body || sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    try {
      if (await onSend(body, note)) setText('');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <div className={`kefu-composer${note ? ' note' : ''}`} data-testid="composer">
      <ServerErrorAlert error={error} pathLabel={(path) => path} testId="composer-error" />
      <div className="kefu-composer-bar">
        <Segmented<ComposerMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'reply', label: <span data-testid="composer-mode-reply">{t('inbox.mode.reply')}</span>, disabled: !canReply },
            { value: 'note', label: <span data-testid="composer-mode-note">{t('inbox.mode.note')}</span> },
          ]}
        />
        {!canReply ? (
          <Typography.Text type="secondary" className="kefu-composer-hint" data-testid="composer-hint">
            {replyHint}
          </Typography.Text>
        ) : note ? (
          <Typography.Text type="secondary" className="kefu-composer-hint">
            {t('inbox.noteHint')}
          </Typography.Text>
        ) : null}
      </div>
      <div className="kefu-composer-input">
        {note ? null : attach}
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!note && e.target.value) onTyping();
          }}
          onKeyDown={(e) => {
            const n = e.nativeEvent;
            if (enterSends({ key: e.key, shiftKey: e.shiftKey, altKey: e.altKey, isComposing: n.isComposing, keyCode: n.keyCode })) {
              e.preventDefault();
              void send();
            }
          }}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={5000}
          placeholder={note ? t('inbox.placeholder.note') : t('inbox.placeholder.reply')}
          aria-label={note ? t('inbox.mode.note') : t('inbox.mode.reply')}
          data-testid="composer-input"
        />
        <Button type="primary" icon={<SendOutlined />} onClick={() => void send()} loading={sending} disabled={!text.trim()} data-testid="composer-send">
          {note ? t('inbox.addNote') : t('inbox.send')}
        </Button>
      </div>
    </div>
  );
}

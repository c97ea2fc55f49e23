import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Button, Input, Segmented, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { fillVariables, type CannedReply, type CannedVariables } from '@kefu/shared/knowledge-api';
import { ServerErrorAlert, type ServerError } from '../../components/server-error-alert.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { enterSends } from './inbox-model.ts';
import { insertAtCaret, insertAtSlash, matchCanned, slashAt } from './canned-model.ts';
import { CannedPicker, optionId, PICKER_ID } from './canned-picker.tsx';
import { useCannedReplies } from './use-canned-replies.ts';

export type ComposerMode = 'reply' | 'note';

/** What the conversation pane may do with the composer: put a knowledge article's text in. */
export interface ComposerHandle {
  insert: (text: string) => void;
}

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
  /** what canned replies' {variables} say in this conversation */
  values: CannedVariables;
  ref?: Ref<ComposerHandle>;
  /** beside the text box: sending an image or a file (attach-button.tsx) */
  attach?: ReactNode;
}

/**
 * 回复 / 内部备注, Enter sends and Shift+Enter starts a new line. `/` opens
 * the canned replies: arrows move, Enter or Tab inserts (variables filled), Esc closes.
 */
export function Composer({ canReply, replyHint, onSend, onTyping, error, values, ref, attach }: Props) {
  const t = useT();
  const [mode, setMode] = useState<ComposerMode>(canReply ? 'reply' : 'note');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  // the `/` whose picker was closed with Esc stays closed
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const sendingRef = useRef(false);
  const area = useRef<TextAreaRef>(null);
  // taking the conversation turns replying on; losing it (a transfer) turns it off
  useEffect(() => setMode(canReply ? 'reply' : 'note'), [canReply]);
  const note = mode === 'note';

  const slash = slashAt(text, caret);
  const pickerOpen = !!slash && slash.start !== dismissedAt;
  const canned = useCannedReplies(pickerOpen);
  const matches = pickerOpen ? matchCanned(canned.items, slash.query) : [];
  useEffect(() => setActive(0), [slash?.query, slash?.start]);
  const inSlash = !!slash;
  useEffect(() => {
    if (!inSlash) setDismissedAt(null);
  }, [inSlash]);

  const el = () => area.current?.resizableTextArea?.textArea ?? null;
  /** the new text, with the caret put where it belongs once React has rendered it */
  const place = (next: { text: string; caret: number }) => {
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      el()?.focus();
      el()?.setSelectionRange(next.caret, next.caret);
    });
  };

  const pick = (c: CannedReply) => {
    if (!slash) return;
    place(insertAtSlash(text, slash, fillVariables(c.body, values)));
    void api.post(`/canned-replies/${c.id}/used`, {}, { silent: true }).catch(() => {});
  };

  useImperativeHandle(ref, () => ({
    insert: (inserted: string) => {
      const node = el();
      place(insertAtCaret(text, node?.selectionStart ?? text.length, node?.selectionEnd ?? text.length, inserted));
    },
  }));

  const send = async () => {
    const body = text.trim();
    if (!body || sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    try {
      if (await onSend(body, note)) {
        setText('');
        setCaret(0);
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  /** the picker's keys; true when the key was for it */
  const pickerKey = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!pickerOpen || e.nativeEvent.isComposing || e.nativeEvent.keyCode === 229) return false;
    if (e.key === 'Escape') {
      // the picker closes, not the drawer or page around the composer
      e.stopPropagation();
      setDismissedAt(slash.start);
      return true;
    }
    if (!matches.length) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
      return true;
    }
    if ((e.key === 'Enter' && !e.shiftKey && !e.altKey) || e.key === 'Tab') {
      pick(matches[Math.min(active, matches.length - 1)]);
      return true;
    }
    return false;
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
          ref={area}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            if (!note && e.target.value) onTyping();
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={(e) => {
            if (pickerKey(e)) {
              e.preventDefault();
              return;
            }
            const n = e.nativeEvent;
            if (enterSends({ key: e.key, shiftKey: e.shiftKey, altKey: e.altKey, isComposing: n.isComposing, keyCode: n.keyCode })) {
              e.preventDefault();
              void send();
            }
          }}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={5000}
          placeholder={note ? t('inbox.placeholder.note') : t('composer.placeholderReply')}
          aria-label={note ? t('inbox.mode.note') : t('inbox.mode.reply')}
          aria-expanded={pickerOpen}
          aria-controls={pickerOpen ? PICKER_ID : undefined}
          aria-activedescendant={pickerOpen && matches.length ? optionId(active) : undefined}
          aria-autocomplete="list"
          data-testid="composer-input"
        />
        <Button type="primary" icon={<SendOutlined />} onClick={() => void send()} loading={sending} disabled={!text.trim()} data-testid="composer-send">
          {note ? t('inbox.addNote') : t('inbox.send')}
        </Button>
        {/* last: the textarea stays the row's first child, the one that grows */}
        {pickerOpen ? (
          <CannedPicker
            query={slash.query}
            items={matches}
            loading={canned.loading}
            active={active}
            values={values}
            onPick={pick}
            onHover={setActive}
          />
        ) : null}
      </div>
    </div>
  );
}

import { useState, type Ref } from 'react';
import { Button, Card, Input, Space, Tag, Typography, type InputRef } from 'antd';
import { PhoneOutlined, PoweroffOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatTime } from '../../utils/time.ts';
import type { WorkbenchDraft } from './workbench-draft.ts';
import { callerNumberInvalid } from './customer-lookup.ts';

interface Props {
  draft: WorkbenchDraft;
  callerRef: Ref<InputRef>;
  onNewCall: () => void;
  onEndCall: () => void;
  onCallerChange: (v: string) => void;
  /** Enter or leaving the field with a valid number (or none): the number is known, the call gets recorded */
  onCallerCommit: () => void;
  onSummaryChange: (v: string) => void;
}

export function CallPanel({ draft, callerRef, onNewCall, onEndCall, onCallerChange, onCallerCommit, onSummaryChange }: Props) {
  const t = useT();
  const inCall = !!(draft.callStartedAt || draft.interactionId);
  // no red while the number is being typed: once Enter is pressed or the field is left
  const [typing, setTyping] = useState(false);
  const invalid = callerNumberInvalid(draft.callerNumber);
  const commit = () => {
    setTyping(false);
    if (!invalid) onCallerCommit();
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          <PhoneOutlined />
          {t('workbench.call')}
          {inCall ? (
            <Tag color="green" data-testid="call-status">
              {t('workbench.inCall', { time: formatTime(draft.callStartedAt) })}
            </Tag>
          ) : (
            <Tag>{t('workbench.idle')}</Tag>
          )}
        </Space>
      }
      extra={
        <Button type="primary" size="small" onClick={onNewCall} data-testid="new-call">
          {t('workbench.newCall')}
          <span className="kefu-kbd" style={{ color: 'inherit', borderColor: 'rgba(255,255,255,.6)' }}>F2</span>
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={10}>
        <Input
          ref={callerRef}
          size="large"
          prefix={<PhoneOutlined />}
          placeholder={t('workbench.callerPlaceholder')}
          value={draft.callerNumber}
          onChange={(e) => {
            setTyping(true);
            onCallerChange(e.target.value);
          }}
          onPressEnter={commit}
          onBlur={() => (draft.callerNumber.trim() ? commit() : setTyping(false))}
          status={invalid && !typing ? 'error' : undefined}
          allowClear
          data-testid="caller-input"
          inputMode="tel"
        />
        {invalid && !typing ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="caller-invalid">
            {t('workbench.callerInvalid')}
          </Typography.Text>
        ) : null}
        {inCall ? (
          <>
            <Input.TextArea
              placeholder={t('workbench.summaryPlaceholder')}
              value={draft.summary}
              onChange={(e) => onSummaryChange(e.target.value)}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              data-testid="call-summary"
            />
            {draft.created.length ? (
              <div data-testid="call-tickets">
                <Typography.Text type="secondary">{t('workbench.ticketsThisCall')}: </Typography.Text>
                {draft.created.map((c) => (
                  <Link key={c.id} to={`/tickets/${c.id}`} style={{ marginRight: 8 }}>
                    {c.number}
                  </Link>
                ))}
              </div>
            ) : null}
            <Button danger block icon={<PoweroffOutlined />} onClick={onEndCall} data-testid="end-call">
              {t('workbench.endCall')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('workbench.idleHint')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

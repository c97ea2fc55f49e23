import { Avatar, Button, Tooltip } from 'antd';
import { EyeOutlined, LoginOutlined } from '@ant-design/icons';
import type { ConversationDetail } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import './live.css';

interface Props {
  viewers: { id: string; name: string }[];
  detail: ConversationDetail;
  meId: string;
  /** a supervisor may take it over from its assignee */
  canTakeOver: boolean;
  taking: boolean;
  onTakeOver: () => void;
}

/**
 * The collision notice: who else has this conversation open, live. Only the
 * assignee replies; a colleague is told so, and one who may take it over
 * (conversation:manage) gets the button here, where the collision shows.
 */
export function CollisionBanner({ viewers, detail: d, meId, canTakeOver, taking, onTakeOver }: Props) {
  const t = useT();
  if (!viewers.length) return null;
  const names = viewers.map((v) => v.name).join('、');
  const othersHaveIt = !!d.assigneeId && d.assigneeId !== meId;
  return (
    <div className="kefu-viewers" role="status" data-testid="conversation-viewers">
      <EyeOutlined />
      <Avatar.Group max={{ count: 3 }} size="small">
        {viewers.map((v) => (
          <Tooltip key={v.id} title={v.name}>
            <Avatar data-testid="conversation-viewer">{v.name.slice(0, 1)}</Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
      <span className="kefu-viewers-text">
        {t('inbox.viewers.also', { names })}
        {othersHaveIt ? (
          <>
            {' '}
            {t('inbox.viewers.onlyAssignee', { name: d.assigneeName ?? '' })}
            {canTakeOver ? null : ` ${t('inbox.viewers.askLead')}`}
          </>
        ) : null}
      </span>
      {othersHaveIt && canTakeOver ? (
        <Tooltip title={t('inbox.viewers.takeOverHint', { name: d.assigneeName ?? '' })}>
          <Button size="small" type="primary" icon={<LoginOutlined />} loading={taking} onClick={onTakeOver} data-testid="viewers-take-over">
            {t('inbox.takeOver')}
          </Button>
        </Tooltip>
      ) : null}
    </div>
  );
}

import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';

const DONE = ['resolved', 'closed'];

/** The due time; red once passed while the work order is still open. */
export function DueTag({ dueAt, status }: { dueAt: string | null; status: string }) {
  const t = useT();
  if (!dueAt) return null;
  const overdue = !DONE.includes(status) && new Date(dueAt).getTime() < Date.now();
  return (
    <Tooltip title={t('ticket.dueAt')}>
      <Tag icon={<ClockCircleOutlined />} color={overdue ? 'red' : DONE.includes(status) ? 'default' : 'orange'} data-testid="due-tag">
        {overdue ? t('ticket.overdue', { at: formatDateTime(dueAt) }) : t('ticket.dueBy', { at: formatDateTime(dueAt) })}
      </Tag>
    </Tooltip>
  );
}

interface SlaClock {
  kind: string;
  policyName: string;
  dueAt: string;
  warnAt: string | null;
  state: string;
}

const SLA_COLORS: Record<string, string> = { met: 'green', breached: 'red', paused: 'default', cancelled: 'default' };

/** The work order's SLA clocks: due time while running, else how it ended. */
export function SlaTags({ clocks }: { clocks: SlaClock[] }) {
  const t = useT();
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return hasMessage(key) ? t(key) : code;
  };
  return (
    <>
      {clocks.map((c) => {
        const running = c.state === 'running';
        const warned = running && c.warnAt !== null && new Date(c.warnAt).getTime() < Date.now();
        const late = running && new Date(c.dueAt).getTime() < Date.now();
        return (
          <Tooltip key={c.kind} title={`${c.policyName} · ${formatDateTime(c.dueAt)}`}>
            <Tag
              icon={<ClockCircleOutlined />}
              color={running ? (late ? 'red' : warned ? 'orange' : 'blue') : SLA_COLORS[c.state] ?? 'default'}
              data-testid="sla-tag"
            >
              {t('ticket.slaClock', {
                kind: label('sla.kind', c.kind),
                state: running ? t('ticket.slaDue', { at: formatDateTime(c.dueAt) }) : label('slaState', c.state),
              })}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}

import { Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { hasMessage } from '../../i18n/translate.ts';
import { useNow } from '../../hooks/use-now.ts';
import { formatDateTime } from '../../utils/time.ts';
import { atLeastTone, listTone, slaKindLabel, slaTone, tickFor, timeLeft, TONE_COLORS, type SlaTone } from './sla-model.ts';

export interface SlaClock {
  kind: string;
  policyName: string;
  dueAt: string;
  warnAt: string | null;
  state: string;
  metAt: string | null;
  breachedAt: string | null;
}

const TONE_CLASS: Record<SlaTone, string> = { ok: 'kefu-sla-ok', warn: 'kefu-sla-warn', late: 'kefu-sla-late', done: 'kefu-sla-done' };

/**
 * Time left to `dueAt` (or overdue), live, coloured. `atLeast`: the server
 * already knows it is at risk ('warn') or breached ('late').
 */
export function SlaCountdown({ dueAt, warnAt, atLeast }: { dueAt: string; warnAt?: string | null; atLeast?: SlaTone }) {
  const t = useT();
  const now = useNow((n) => tickFor(dueAt, n));
  const tone = atLeastTone(slaTone({ state: 'running', dueAt, warnAt }, now), atLeast);
  return (
    <Tag color={TONE_COLORS[tone]} data-testid="sla-countdown" data-tone={tone} style={{ marginInlineEnd: 0 }}>
      {timeLeft(t, dueAt, now)}
    </Tag>
  );
}

/** The list column: time left to the nearest deadline; red once some clock breached. */
export function SlaListCell({ dueAt, breached, warnAt }: { dueAt: string | null | undefined; breached: boolean | undefined; warnAt?: string | null }) {
  const t = useT();
  const now = useNow((n) => tickFor(dueAt, n));
  const tone = listTone(dueAt, breached, now, warnAt);
  if (!tone) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={dueAt ? t('sla.dueAt', { at: formatDateTime(dueAt) }) : undefined}>
      <Tag color={TONE_COLORS[tone]} data-testid="sla-cell" data-tone={tone} style={{ marginInlineEnd: 0 }}>
        {dueAt ? timeLeft(t, dueAt, now) : t('slaState.breached')}
      </Tag>
    </Tooltip>
  );
}

/** One clock of a work order: kind, policy, due time and the live countdown, or how it ended. */
function SlaClockCard({ clock }: { clock: SlaClock }) {
  const t = useT();
  const running = clock.state === 'running';
  const openBreach = clock.state === 'breached' && !clock.metAt;
  const now = useNow((n) => (running || openBreach ? tickFor(clock.dueAt, n) : 3_600_000));
  const tone = slaTone(clock, now);
  const stateKey = `slaState.${clock.state}`;
  const stateLabel = hasMessage(stateKey) ? t(stateKey) : clock.state;
  let status: string;
  if (running || openBreach) status = timeLeft(t, clock.dueAt, now);
  else if (clock.state === 'met' && clock.metAt) status = t('sla.metAt', { state: stateLabel, at: formatDateTime(clock.metAt) });
  else if (clock.state === 'breached' && clock.metAt) status = t('sla.metLate', { at: formatDateTime(clock.metAt) });
  else status = stateLabel;
  // the state in words where the colour alone says it: amber, and a breach the server recorded
  const statusTag = running && tone === 'warn' ? t('sla.atRisk') : openBreach ? stateLabel : null;
  return (
    <div className={`kefu-sla-clock ${TONE_CLASS[tone]}`} data-testid="sla-clock" data-kind={clock.kind} data-state={clock.state} data-tone={tone}>
      <div className="kefu-sla-clock-head">
        <ClockCircleOutlined />
        <Typography.Text strong>{slaKindLabel(t, clock.kind)}</Typography.Text>
        <Tag color={TONE_COLORS[tone]} style={{ marginInlineEnd: 0 }} data-testid="sla-tag">
          {status}
        </Tag>
        {statusTag ? <Typography.Text className="kefu-sla-flag">{statusTag}</Typography.Text> : null}
      </div>
      <div className="kefu-sla-clock-meta">
        <Typography.Text type="secondary">
          {clock.policyName}
          {clock.state === 'paused' ? ` · ${t('sla.pausedHint')}` : clock.state === 'cancelled' ? '' : ` · ${t('sla.dueAt', { at: formatDateTime(clock.dueAt) })}`}
          {/* when it breached, unless that was its due time (the timer fires on time) */}
          {clock.breachedAt && formatDateTime(clock.breachedAt) !== formatDateTime(clock.dueAt)
            ? ` · ${t('sla.breachedAt', { at: formatDateTime(clock.breachedAt) })}`
            : ''}
        </Typography.Text>
      </div>
    </div>
  );
}

/** The work order's SLA clocks, most urgent first. */
export function SlaClocks({ clocks }: { clocks: SlaClock[] }) {
  const rank = (c: SlaClock) => (c.state === 'breached' && !c.metAt ? 0 : c.state === 'running' ? 1 : c.state === 'paused' ? 2 : 3);
  const sorted = [...clocks].sort((a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt));
  return (
    <div className="kefu-sla-clocks" data-testid="sla-clocks">
      {sorted.map((c, i) => (
        <SlaClockCard key={`${c.kind}-${i}`} clock={c} />
      ))}
    </div>
  );
}

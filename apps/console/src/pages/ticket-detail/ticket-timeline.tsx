import type { ReactNode } from 'react';
import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { allFields } from '@kefu/shared/forms';
import type { Directory, FormRecord, TimelineEntry } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useT, type T } from '../../i18n/i18n-provider.tsx';
import { useLabels, type Labels } from '../../i18n/labels.ts';
import { hasMessage } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';
import { usePhoneLayout } from '../../hooks/use-media-query.ts';

interface Props {
  items: TimelineEntry[] | undefined;
  loading: boolean;
  form: FormRecord | undefined;
  /** work orders this one made (sub-tasks, converted orders): number -> id, when known */
  related: Map<string, string>;
}

/** Changes whose values are people (user ids). */
const PEOPLE_FIELDS = new Set(['notified', 'watchers', 'hiddenFrom']);
/** Changes whose values are work-order numbers. */
const NUMBER_FIELDS = new Set(['subtask', 'convertedTo']);

interface Ctx {
  t: T;
  labels: Labels;
  form: FormRecord | undefined;
  directory: Directory | undefined;
}

function fieldDef(ctx: Ctx, field: string) {
  if (!ctx.form) return undefined;
  const key = field.replace(/^fields\./, '');
  return allFields(ctx.form.definition).find((f) => f.key === key);
}

function fieldLabel(ctx: Ctx, field: string): string {
  const f = fieldDef(ctx, field);
  if (f) return ctx.labels.pick(f.label);
  const key = `ticket.${field.replace(/Id$/, '')}`;
  return hasMessage(key) ? ctx.t(key) : field;
}

/** A callback step on the timeline: 「policy」step · round · due, or the attempt's result. */
function callbackText(ctx: Ctx, v: Record<string, unknown>): string {
  const parts: string[] = [];
  if (v.source) parts.push(`「${String(v.source)}」${String(v.step ?? '')}`);
  if (typeof v.round === 'number' && v.round > 1) parts.push(ctx.t('timeline.cb.round', { n: v.round }));
  const say = (prefix: string, code: unknown) => {
    const key = `${prefix}.${String(code)}`;
    return hasMessage(key) ? ctx.t(key) : String(code);
  };
  if (v.result) parts.push(say('timeline.cb.result', v.result));
  if (v.satisfaction) parts.push(say('timeline.cb.satisfaction', v.satisfaction));
  if (v.reason) parts.push(String(v.reason));
  if (typeof v.durationSeconds === 'number' && v.durationSeconds > 0) parts.push(ctx.t('timeline.cb.duration', { s: v.durationSeconds }));
  if (!v.result && typeof v.dueAt === 'string') parts.push(ctx.t('timeline.cb.due', { at: formatDateTime(v.dueAt) }));
  return parts.join(' · ');
}

function valueText(ctx: Ctx, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (field === 'callback' && typeof v === 'object') return callbackText(ctx, v as Record<string, unknown>);
  const s = String(v);
  if (field === 'status') return ctx.labels.status(s);
  if (field === 'priority') return ctx.labels.priority(s);
  if (field === 'channel') return ctx.labels.channel(s);
  if (field === 'assigneeId') return ctx.directory?.users.find((u) => u.id === s)?.displayName ?? s;
  if (field.startsWith('sla.')) {
    if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return formatDateTime(s);
    const key = `slaState.${s}`;
    return hasMessage(key) ? ctx.t(key) : s;
  }
  if (PEOPLE_FIELDS.has(field) && Array.isArray(v)) {
    return v.map((id) => ctx.directory?.users.find((u) => u.id === id)?.displayName ?? String(id)).join(ctx.t('rule.listSep'));
  }
  if (field === 'teamId') return ctx.directory?.teams.find((x) => x.id === s)?.name ?? s;
  const f = fieldDef(ctx, field);
  const option = (x: unknown) => {
    const o = f?.options?.find((opt) => opt.value === x);
    return o ? ctx.labels.pick(o.label) : String(x);
  };
  if (Array.isArray(v)) return v.map(option).join('、');
  if (typeof v === 'boolean') return v ? ctx.t('common.yes') : ctx.t('common.no');
  if (f?.type === 'datetime') return formatDateTime(s);
  if (typeof v === 'object') return JSON.stringify(v);
  return option(v);
}

/** Who did what and when, with before → after for every changed field; a rule's changes name the rule. */
export function TicketTimeline({ items: entries, loading, form, related }: Props) {
  const t = useT();
  const labels = useLabels();
  const directory = useDirectory();
  const phone = usePhoneLayout();
  const ctx: Ctx = { t, labels, form, directory };
  const items = entries ?? [];

  const value = (field: string, v: unknown): ReactNode => {
    if (NUMBER_FIELDS.has(field) && typeof v === 'string') {
      const id = related.get(v);
      return <Link to={id ? `/tickets/${id}` : `/tickets?view=all&q=${encodeURIComponent(v)}`}>{v}</Link>;
    }
    if (field === 'parentId' && typeof v === 'string') return <Link to={`/tickets/${v}`}>{t('ticket.openParent')}</Link>;
    if (field === 'callback' && v && typeof v === 'object' && 'taskId' in v) {
      return <Link to={`/callbacks/${String((v as { taskId: string }).taskId)}`}>{valueText(ctx, field, v)}</Link>;
    }
    return valueText(ctx, field, v);
  };

  return (
    <Card size="small" title={t('ticket.timeline')} loading={loading && !entries}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="timeline"
          items={items.map((e) => ({
            key: e.id,
            // on a phone the time goes above the entry: a column of its own would leave the text no room
            title: phone ? undefined : <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>,
            content: (
              <div>
                {phone ? (
                  <div>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                  </div>
                ) : null}
                {e.ruleName ? (
                  <Tag color="purple" icon={<ThunderboltOutlined />} className="kefu-wrap-tag" data-testid="timeline-rule">
                    {t('ticket.ruleActor', { name: e.ruleName })}
                  </Tag>
                ) : (
                  <Typography.Text strong>{e.actorName ?? t('ticket.system')}</Typography.Text>
                )}{' '}
                {labels.action(e.action)}
                {e.changes.length ? (
                  <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                    {e.changes.map((c, i) => (
                      <li key={i}>
                        {fieldLabel(ctx, c.field)}:{' '}
                        {c.from === null || c.from === undefined ? null : (
                          <>
                            <Typography.Text delete type="secondary">{value(c.field, c.from)}</Typography.Text>
                            {' → '}
                          </>
                        )}
                        <Typography.Text>{value(c.field, c.to)}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

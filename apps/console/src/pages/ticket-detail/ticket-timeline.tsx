import { Card, Empty, Timeline, Typography } from 'antd';
import { allFields } from '@kefu/shared/forms';
import { api, itemsOf } from '../../api/client.ts';
import type { Directory, FormRecord, TimelineEntry } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT, type T } from '../../i18n/i18n-provider.tsx';
import { useLabels, type Labels } from '../../i18n/labels.ts';
import { hasMessage } from '../../i18n/translate.ts';
import { formatDateTime } from '../../utils/time.ts';

interface Props {
  ticketId: string;
  form: FormRecord | undefined;
  /** bump to reload after a change */
  version: number;
}

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

function valueText(ctx: Ctx, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  const s = String(v);
  if (field === 'status') return ctx.labels.status(s);
  if (field === 'priority') return ctx.labels.priority(s);
  if (field === 'channel') return ctx.labels.channel(s);
  if (field === 'assigneeId') return ctx.directory?.users.find((u) => u.id === s)?.displayName ?? s;
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

/** Who did what and when, with before → after for every changed field. */
export function TicketTimeline({ ticketId, form, version }: Props) {
  const t = useT();
  const labels = useLabels();
  const directory = useDirectory();
  const timeline = useRequest(
    () => api.get<{ items: TimelineEntry[] }>(`/tickets/${ticketId}/timeline`).then(itemsOf),
    [ticketId, version],
  );
  const ctx: Ctx = { t, labels, form, directory };
  const items = timeline.data ?? [];

  return (
    <Card size="small" title={t('ticket.timeline')} loading={timeline.loading && !timeline.data}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="timeline"
          items={items.map((e) => ({
            key: e.id,
            title: <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>,
            content: (
              <div>
                <Typography.Text strong>{e.actorName ?? t('ticket.system')}</Typography.Text> {labels.action(e.action)}
                {e.changes.length ? (
                  <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                    {e.changes.map((c, i) => (
                      <li key={i}>
                        {fieldLabel(ctx, c.field)}:{' '}
                        {c.from === null || c.from === undefined ? null : (
                          <>
                            <Typography.Text delete type="secondary">{valueText(ctx, c.field, c.from)}</Typography.Text>
                            {' → '}
                          </>
                        )}
                        <Typography.Text>{valueText(ctx, c.field, c.to)}</Typography.Text>
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

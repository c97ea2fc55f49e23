import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../../api/client.ts';
import type { BusinessCalendar } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT, type T } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import { weekRuns } from './calendar-model.ts';
import { CalendarEditor } from './calendar-editor.tsx';

const weekday = (t: T, d: number) => t(`calendar.weekday.${d}` as 'calendar.weekday.1');

/** "周一至周五 08:30–12:00、13:00–17:30" */
export function weekWords(t: T, c: BusinessCalendar): string[] {
  return weekRuns(c.spec.weekly ?? []).map((r) => {
    const days = r.from === r.to ? weekday(t, r.from) : t('calendar.dayRange', { from: weekday(t, r.from), to: weekday(t, r.to) });
    return `${days} ${r.hours.map((h) => `${h.start}–${h.end}`).join(t('rule.listSep'))}`;
  });
}

/** Business calendars (工作日历): working hours, public holidays and make-up workdays. */
export function CalendarsPage() {
  const t = useT();
  const list = useRequest(() => api.get<{ items: BusinessCalendar[] }>('/calendars').then(itemsOf), []);
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);

  return (
    <div data-testid="settings-calendars">
      <PageTitle
        title={t('menu.calendars')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="calendar-new">
            {t('common.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('calendar.pageHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<BusinessCalendar>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          data-testid="calendars-table"
          columns={[
            {
              title: t('calendar.name'),
              key: 'name',
              render: (_, c) => (
                <Space size={6}>
                  <Typography.Text strong data-testid="calendar-row-name">
                    {c.name}
                  </Typography.Text>
                  {c.isDefault ? <Tag color="blue">{t('calendar.default')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('calendar.weekly'),
              key: 'weekly',
              render: (_, c) =>
                c.spec.alwaysOpen ? (
                  <Tag color="purple">{t('calendar.alwaysOpen')}</Tag>
                ) : (
                  <div>
                    {weekWords(t, c).map((w) => (
                      <div key={w}>{w}</div>
                    ))}
                  </div>
                ),
            },
            {
              title: t('calendar.days'),
              key: 'days',
              width: 260,
              render: (_, c) => {
                const days = c.spec.days ?? [];
                if (c.spec.alwaysOpen || !days.length) return <Typography.Text type="secondary">—</Typography.Text>;
                const years = [...new Set(days.map((d) => d.date.slice(0, 4)))].sort();
                const provisional = days.filter((d) => d.provisional).length;
                return (
                  <Space size={[4, 4]} wrap>
                    <span>
                      {t('calendar.daysSummary', {
                        holidays: days.filter((d) => d.kind === 'holiday').length,
                        workdays: days.filter((d) => d.kind === 'workday').length,
                        years: years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years[0],
                      })}
                    </span>
                    {provisional ? (
                      <Tooltip title={t('calendar.provisionalHint')}>
                        <Tag color="warning" icon={<WarningOutlined />}>
                          {t('calendar.provisionalCount', { n: provisional })}
                        </Tag>
                      </Tooltip>
                    ) : null}
                  </Space>
                );
              },
            },
            { title: t('calendar.timeZone'), key: 'tz', width: 130, render: (_, c) => c.spec.timeZone },
            { title: t('ticket.updatedAt'), dataIndex: 'updatedAt', width: 130, render: formatDateTime },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, c) => (
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid="calendar-edit">
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CalendarEditor
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void list.reload();
        }}
      />
    </div>
  );
}

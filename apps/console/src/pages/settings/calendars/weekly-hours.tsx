import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { CloseOutlined, CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { WorkingInterval } from '../../../api/types.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { isClockTime, WEEK_ORDER, type Issue } from './calendar-model.ts';

interface Props {
  weekly: WorkingInterval[][];
  onChange: (weekly: WorkingInterval[][]) => void;
  disabled: boolean;
  issues: Issue[];
  /** show "not HH:mm" on inputs (after the first save attempt) */
  showFormat: boolean;
}

/** Working hours per weekday, Monday first; each day any number of intervals. */
export function WeeklyHours({ weekly, onChange, disabled, issues, showFormat }: Props) {
  const t = useT();
  const set = (day: number, list: WorkingInterval[]) => onChange(weekly.map((x, i) => (i === day ? list : x)));
  const issuesOf = (day: number) => issues.filter((x) => x.at.where === 'weekly' && x.at.day === day);
  const copyMonday = () => onChange(weekly.map((x, i) => (i >= 2 && i <= 5 ? weekly[1].map((h) => ({ ...h })) : x)));

  return (
    <div data-testid="weekly-hours">
      <div style={{ marginBottom: 6 }}>
        <Button size="small" icon={<CopyOutlined />} disabled={disabled || !weekly[1]?.length} onClick={copyMonday} data-testid="copy-monday">
          {t('calendar.copyMonday')}
        </Button>
      </div>
      {WEEK_ORDER.map((day) => {
        const list = weekly[day] ?? [];
        const dayIssues = issuesOf(day);
        const bad = (index: number, text: string) =>
          dayIssues.some((x) => x.at.where === 'weekly' && x.at.index === index) || (showFormat && !isClockTime(text.trim()));
        return (
          <div className="kefu-weekly-row" key={day} data-testid={`weekday-${day}`}>
            <div className="kefu-weekly-day">
              <Typography.Text strong={list.length > 0} type={list.length ? undefined : 'secondary'}>
                {t(`calendar.weekday.${day}`)}
              </Typography.Text>
            </div>
            <div style={{ flex: 1 }}>
              <div className="kefu-weekly-intervals">
                {list.length === 0 ? <Typography.Text type="secondary">{t('calendar.closed')}</Typography.Text> : null}
                {list.map((h, i) => (
                  <Space.Compact key={i} size="small" data-testid="interval">
                    <Input
                      style={{ width: 64, textAlign: 'center' }}
                      value={h.start}
                      disabled={disabled}
                      placeholder="08:30"
                      maxLength={5}
                      status={bad(i, h.start) ? 'error' : undefined}
                      onChange={(e) => set(day, list.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
                      aria-label={t('calendar.start')}
                      data-testid="interval-start"
                    />
                    <Space.Addon style={{ padding: '0 6px' }}>–</Space.Addon>
                    <Input
                      style={{ width: 64, textAlign: 'center' }}
                      value={h.end}
                      disabled={disabled}
                      placeholder="17:30"
                      maxLength={5}
                      status={bad(i, h.end) ? 'error' : undefined}
                      onChange={(e) => set(day, list.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))}
                      aria-label={t('calendar.end')}
                      data-testid="interval-end"
                    />
                    <Tooltip title={t('calendar.removeInterval')}>
                      <Button
                        icon={<CloseOutlined />}
                        disabled={disabled}
                        onClick={() => set(day, list.filter((_, j) => j !== i))}
                        aria-label={t('calendar.removeInterval')}
                        data-testid="interval-remove"
                      />
                    </Tooltip>
                  </Space.Compact>
                ))}
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={disabled || list.length >= 12}
                  onClick={() => set(day, [...list, nextInterval(list)])}
                  data-testid="interval-add"
                >
                  {t('calendar.addInterval')}
                </Button>
              </div>
              {dayIssues.map((x, i) => (
                <div key={i}>
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {x.fromServer ? x.message : t(x.message as 'calendar.badTime')}
                  </Typography.Text>
                </div>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** After 08:30–12:00 comes 13:00–17:30; an empty day starts with the office hours' morning. */
function nextInterval(list: WorkingInterval[]): WorkingInterval {
  const last = list[list.length - 1];
  if (!last) return { start: '08:30', end: '12:00' };
  if (last.end === '12:00') return { start: '13:00', end: '17:30' };
  return { start: last.end, end: last.end === '24:00' ? '24:00' : '' };
}

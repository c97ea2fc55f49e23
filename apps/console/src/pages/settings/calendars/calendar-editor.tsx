import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, Popconfirm, Row, Segmented, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../api/client.ts';
import { calendarBody } from '../../../api/bodies.ts';
import type { BusinessCalendar } from '../../../api/types.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { dayjs } from '../../../utils/time.ts';
import { WeeklyHours } from './weekly-hours.tsx';
import {
  checkDraft,
  emptyDraft,
  fromCalendar,
  newKey,
  serverIssues,
  toSpec,
  yearsOf,
  type CalendarDraft,
  type DayDraft,
  type Issue,
} from './calendar-model.ts';

interface Props {
  /** null: closed; 'new': a new calendar; a calendar: edit it */
  target: BusinessCalendar | 'new' | null;
  onClose: () => void;
  onSaved: (c: BusinessCalendar) => void;
}

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai'];
  }
})();

const ALL = 'all';

export function CalendarEditor({ target, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const editing = target && target !== 'new' ? target : null;
  const [draft, setDraft] = useState<CalendarDraft>(emptyDraft);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Issue[]>([]);
  const [saving, setSaving] = useState(false);
  const [year, setYear] = useState<string>(ALL);
  const errorsRef = useRef<HTMLDivElement>(null);
  // after a failed save: scroll to the list of problems once it is on screen
  const [scrollRequest, setScrollRequest] = useState(0);
  const showErrors = () => setScrollRequest((n) => n + 1);
  useEffect(() => {
    if (scrollRequest) errorsRef.current?.scrollIntoView({ block: 'start' });
  }, [scrollRequest]);

  useEffect(() => {
    if (!target) return;
    const d = target === 'new' ? emptyDraft() : fromCalendar(target);
    setDraft(d);
    setAttempted(false);
    setServer([]);
    const years = yearsOf(d.days);
    const now = String(dayjs().year());
    setYear(years.includes(now) ? now : ALL);
  }, [target]);

  const local = useMemo(() => (attempted ? checkDraft(draft) : []), [attempted, draft]);
  const issues = [...local, ...server];
  const change = (patch: Partial<CalendarDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // the server's word was about what was sent; it is said again on the next save
    if (server.length) setServer([]);
  };
  const setDay = (key: string, patch: Partial<DayDraft>) => change({ days: draft.days.map((x) => (x.key === key ? { ...x, ...patch } : x)) });

  const save = async () => {
    setAttempted(true);
    const problems = checkDraft(draft);
    if (problems.length) {
      showErrors();
      return;
    }
    const { spec, order } = toSpec(draft);
    const body = calendarBody({ name: draft.name, isDefault: draft.isDefault, spec });
    setSaving(true);
    setServer([]);
    try {
      const saved = editing
        ? await api.put<BusinessCalendar>(`/calendars/${editing.id}`, body, { silent: true })
        : await api.post<BusinessCalendar>('/calendars', body, { silent: true });
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) {
        const detail = e.details?.length ? e.details.map((d) => ({ at: { where: 'spec' as const }, message: d.message, fromServer: true })) : [];
        setServer(e.status === 422 ? serverIssues(e.message, order) : [{ at: { where: 'spec' }, message: e.message, fromServer: true }, ...detail]);
        showErrors();
      }
    } finally {
      setSaving(false);
    }
  };

  const years = yearsOf(draft.days);
  const shown = draft.days.filter((d) => year === ALL || !d.date || d.date.startsWith(year));
  const provisional = draft.days.filter((d) => d.provisional);
  const dayIssues = (key: string) => issues.filter((x) => x.at.where === 'day' && x.at.key === key);
  const text = (x: Issue) => (x.fromServer ? x.message : t(x.message as 'calendar.needName'));
  const where = (x: Issue): string | null => {
    if (x.at.where === 'weekly') {
      const day = t(`calendar.weekday.${x.at.day}` as 'calendar.weekday.1');
      return x.at.index !== undefined ? `${day} · ${t('calendar.intervalN', { n: x.at.index + 1 })}` : day;
    }
    if (x.at.where === 'day') {
      const key = x.at.key;
      return draft.days.find((d) => d.key === key)?.date ?? t('calendar.noDate');
    }
    return null;
  };
  return (
    <Drawer
      open={!!target}
      size={1000}
      title={editing ? t('calendar.editTitle', { name: editing.name }) : t('calendar.newTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="calendar-editor"
    >
      <div ref={errorsRef} />
      {issues.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={server.length ? t('calendar.serverRejected') : t('calendar.fixFirst')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((x, i) => {
                const at = where(x);
                return (
                  <li key={i}>
                    {at ? <Typography.Text strong>{at}: </Typography.Text> : null}
                    {text(x)}
                  </li>
                );
              })}
            </ul>
          }
          data-testid="calendar-errors"
        />
      ) : null}
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label={t('calendar.name')} required validateStatus={attempted && !draft.name.trim() ? 'error' : undefined}>
              <Input value={draft.name} maxLength={100} onChange={(e) => change({ name: e.target.value })} data-testid="calendar-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('calendar.timeZone')}>
              <AutoComplete
                value={draft.timeZone}
                options={ZONES.filter((z) => z.toLowerCase().includes(draft.timeZone.toLowerCase())).slice(0, 30).map((z) => ({ value: z }))}
                onChange={(v: string) => change({ timeZone: v })}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('calendar.isDefault')} tooltip={t('calendar.defaultHint')}>
              <Tooltip title={editing?.isDefault ? t('calendar.stayDefault') : undefined}>
                <Switch checked={draft.isDefault} disabled={editing?.isDefault} onChange={(v) => change({ isDefault: v })} data-testid="calendar-default" />
              </Tooltip>
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('calendar.alwaysOpen')} tooltip={t('calendar.alwaysOpenHint')}>
              <Switch checked={draft.alwaysOpen} onChange={(v) => change({ alwaysOpen: v })} data-testid="calendar-always-open" />
            </Form.Item>
          </Col>
        </Row>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('calendar.weekly')}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
          {draft.alwaysOpen ? t('calendar.weeklyIgnored') : t('calendar.weeklyHint')}
        </Typography.Text>
      </Typography.Title>
      <WeeklyHours
        weekly={draft.weekly}
        onChange={(weekly) => change({ weekly })}
        disabled={draft.alwaysOpen}
        issues={issues}
        showFormat={attempted}
      />

      <div className="kefu-page-title" style={{ marginTop: 20, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('calendar.days')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {draft.alwaysOpen ? t('calendar.weeklyIgnored') : t('calendar.daysHint')}
          </Typography.Text>
        </Typography.Title>
        <Space>
          {years.length ? (
            <Segmented
              size="small"
              value={year}
              onChange={(v) => setYear(String(v))}
              options={[{ value: ALL, label: t('calendar.allYears') }, ...years.map((y) => ({ value: y, label: y }))]}
              data-testid="calendar-years"
            />
          ) : null}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => change({ days: [{ key: newKey(), date: null, kind: 'holiday', name: '', hoursText: '', provisional: false }, ...draft.days] })}
            data-testid="day-add"
          >
            {t('calendar.addDay')}
          </Button>
        </Space>
      </div>
      {provisional.length ? (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 8 }}
          title={t('calendar.provisionalAlert', { n: provisional.length })}
          action={
            provisional[0].date && year !== ALL && !provisional.some((d) => d.date?.startsWith(year)) ? (
              <Button size="small" onClick={() => setYear(provisional[0].date!.slice(0, 4))}>
                {t('calendar.showProvisional')}
              </Button>
            ) : undefined
          }
          data-testid="provisional-alert"
        />
      ) : null}
      <Table<DayDraft>
        size="small"
        rowKey="key"
        dataSource={shown}
        pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        rowClassName={(r) => (dayIssues(r.key).length ? 'kefu-row-error' : '')}
        locale={{ emptyText: t('calendar.noDays') }}
        data-testid="calendar-days"
        columns={[
          {
            title: t('calendar.date'),
            key: 'date',
            width: 150,
            render: (_, r) => (
              <DatePicker
                size="small"
                value={r.date ? dayjs(r.date) : null}
                allowClear={false}
                status={dayIssues(r.key).some((x) => x.at.where === 'day' && x.at.field === 'date') ? 'error' : undefined}
                onChange={(v) => setDay(r.key, { date: v ? v.format('YYYY-MM-DD') : null })}
                format={['YYYY-MM-DD ddd', 'YYYY-MM-DD']}
                style={{ width: 140 }}
                data-testid="day-date"
              />
            ),
          },
          {
            title: t('calendar.kind'),
            key: 'kind',
            width: 130,
            render: (_, r) => (
              <Select
                size="small"
                value={r.kind}
                style={{ width: 120 }}
                onChange={(kind) => setDay(r.key, { kind })}
                options={[
                  { value: 'holiday', label: t('calendar.kind.holiday') },
                  { value: 'workday', label: t('calendar.kind.workday') },
                ]}
                data-testid="day-kind"
              />
            ),
          },
          {
            title: t('calendar.dayName'),
            key: 'name',
            width: 150,
            render: (_, r) => (
              <Input size="small" value={r.name} maxLength={40} placeholder={t('calendar.dayNamePlaceholder')} onChange={(e) => setDay(r.key, { name: e.target.value })} data-testid="day-name" />
            ),
          },
          {
            title: t('calendar.dayHours'),
            key: 'hours',
            width: 200,
            render: (_, r) =>
              r.kind === 'workday' ? (
                <Input
                  size="small"
                  value={r.hoursText}
                  placeholder={t('calendar.likeMonday')}
                  status={dayIssues(r.key).some((x) => x.at.where === 'day' && x.at.field === 'hours') ? 'error' : undefined}
                  onChange={(e) => setDay(r.key, { hoursText: e.target.value })}
                  data-testid="day-hours"
                />
              ) : (
                <Typography.Text type="secondary">{t('calendar.closed')}</Typography.Text>
              ),
          },
          {
            title: t('calendar.check'),
            key: 'provisional',
            render: (_, r) => (
              <div>
                {r.provisional ? (
                  <Space size={4} wrap>
                    <Tooltip title={t('calendar.provisionalHint')}>
                      <Tag color="warning" icon={<WarningOutlined />} data-testid="provisional-tag">
                        {t('calendar.provisional')}
                      </Tag>
                    </Tooltip>
                    <Button size="small" type="link" icon={<CheckOutlined />} onClick={() => setDay(r.key, { provisional: false })} data-testid="day-confirm">
                      {t('calendar.confirmDay')}
                    </Button>
                  </Space>
                ) : null}
                {dayIssues(r.key).map((x, i) => (
                  <div key={i}>
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {text(x)}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 40,
            render: (_, r) => (
              <Popconfirm title={t('calendar.removeDay')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => change({ days: draft.days.filter((x) => x.key !== r.key) })}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

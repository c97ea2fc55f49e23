import { useEffect, useState } from 'react';
import { App, AutoComplete, Button, Card, Popconfirm, Space, Tag, TimePicker, Tooltip, Typography } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, itemsOf } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import {
  classTaken,
  isDirty,
  MAX_WINDOWS,
  minutesOf,
  newClassDraft,
  quietBody,
  quietIssues,
  toDrafts,
  wrapsMidnight,
  type QuietDraft,
  type QuietRow,
  type QuietWindow,
} from './quiet-hours-model.ts';

/** Usual customer classes, offered when adding a row (any other text is fine too). */
const CLASS_SUGGESTIONS = ['A', 'B', 'C', 'VIP'];

/** HH:mm as a picker value (today's date; only the time counts). 24:00 shows as 00:00, the same instant of the day. */
const toDayjs = (hhmm: string): Dayjs | null => (/^\d\d:\d\d$/.test(hhmm) ? dayjs().startOf('day').add(minutesOf(hhmm) % 1440, 'minute') : null);

/** Customers' quiet hours ("一个避免"): the default row and one row per customer class, each saved on its own. */
export function QuietHoursCard() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest(() => api.get<{ items: QuietRow[] }>('/quiet-hours').then(itemsOf), []);
  const [drafts, setDrafts] = useState<QuietDraft[]>([]);
  const [newClass, setNewClass] = useState('');
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    if (list.data) setDrafts(toDrafts(list.data));
  }, [list.data]);

  const rowKey = (d: QuietDraft) => d.customerClass ?? '';
  const update = (d: QuietDraft, windows: QuietWindow[]) => setDrafts((all) => all.map((x) => (x === d ? { ...x, windows } : x)));

  const save = async (d: QuietDraft) => {
    setSaving(rowKey(d));
    try {
      const saved = await api.put<QuietRow>('/quiet-hours', quietBody(d));
      setDrafts((all) => all.map((x) => (x === d ? { customerClass: saved.customerClass, saved: saved.windows, windows: saved.windows.map((w) => ({ ...w })) } : x)));
      void message.success(t('common.saved'));
    } catch {
      // reported by the API client
    } finally {
      setSaving(null);
    }
  };

  /** A class row stops having its own windows: the class follows the default again. */
  const remove = async (d: QuietDraft) => {
    if (d.customerClass === null) return;
    if (d.saved !== null) {
      try {
        await api.del(`/quiet-hours/${encodeURIComponent(d.customerClass)}`);
      } catch {
        return; // reported by the API client
      }
    }
    setDrafts((all) => all.filter((x) => x !== d));
  };

  const discard = (d: QuietDraft) =>
    setDrafts((all) => (d.saved === null ? all.filter((x) => x !== d) : all.map((x) => (x === d ? { ...x, windows: (d.saved ?? []).map((w) => ({ ...w })) } : x))));

  const addClass = () => {
    if (!newClass.trim() || classTaken(newClass, drafts)) return;
    setDrafts((all) => [...all, newClassDraft(newClass, all)]);
    setNewClass('');
  };

  const taken = !!newClass.trim() && classTaken(newClass, drafts);

  return (
    <Card size="small" title={t('quietHours.title')} style={{ marginTop: 16 }} loading={list.loading && !list.data} data-testid="quiet-hours">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('quietHours.hint')}
      </Typography.Paragraph>
      {drafts.map((d) => {
        const issues = quietIssues(d.windows);
        const dirty = isDirty(d);
        return (
          <div key={rowKey(d)} className="kefu-quiet-row" data-testid="quiet-row">
            <div className="kefu-quiet-class">
              <Typography.Text strong>{d.customerClass === null ? t('quietHours.default') : t('quietHours.classN', { cls: d.customerClass })}</Typography.Text>
              {dirty ? (
                <div>
                  <Tag color="orange" style={{ marginTop: 4 }}>
                    {t('quietHours.unsaved')}
                  </Tag>
                </div>
              ) : null}
            </div>
            <div className="kefu-quiet-windows">
              <Space size={[8, 8]} wrap>
                {d.windows.length === 0 ? <Typography.Text type="secondary">{t('quietHours.none')}</Typography.Text> : null}
                {d.windows.map((w, i) => {
                  const bad = issues.some((x) => x.index === i);
                  return (
                    <Space.Compact key={i} data-testid="quiet-window">
                      <TimePicker.RangePicker
                        format="HH:mm"
                        minuteStep={5}
                        order={false}
                        allowClear={false}
                        needConfirm={false}
                        status={bad ? 'error' : undefined}
                        placeholder={[t('quietHours.start'), t('quietHours.end')]}
                        value={[toDayjs(w.start), toDayjs(w.end)]}
                        onChange={(v) =>
                          update(
                            d,
                            d.windows.map((x, j) => (j === i ? { start: v?.[0]?.format('HH:mm') ?? '', end: v?.[1]?.format('HH:mm') ?? '' } : x)),
                          )
                        }
                        style={{ width: 190 }}
                        data-testid="quiet-window-range"
                      />
                      {wrapsMidnight(w) ? <Space.Addon>{t('quietHours.overnight')}</Space.Addon> : null}
                      <Tooltip title={t('common.delete')}>
                        <Button icon={<CloseOutlined />} onClick={() => update(d, d.windows.filter((_, j) => j !== i))} aria-label={t('common.delete')} />
                      </Tooltip>
                    </Space.Compact>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={d.windows.length >= MAX_WINDOWS}
                  onClick={() => update(d, [...d.windows, { start: '', end: '' }])}
                  data-testid="quiet-add-window"
                >
                  {t('quietHours.addWindow')}
                </Button>
              </Space>
              {issues.length ? (
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="danger" data-testid="quiet-issue">
                    {[...new Set(issues.map((x) => x.issue))].map((issue) => t(`quietHours.${issue}`)).join(';')}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
            <Space style={{ alignSelf: 'flex-start' }}>
              {d.customerClass !== null ? (
                <Popconfirm title={t('quietHours.removeConfirm')} onConfirm={() => void remove(d)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger data-testid="quiet-remove">{t('common.delete')}</Button>
                </Popconfirm>
              ) : null}
              {dirty ? (
                <Button size="small" onClick={() => discard(d)} data-testid="quiet-discard">
                  {t('quietHours.discard')}
                </Button>
              ) : null}
              <Button
                type="primary"
                size="small"
                disabled={!dirty || issues.length > 0}
                loading={saving === rowKey(d)}
                onClick={() => void save(d)}
                data-testid="quiet-save"
              >
                {t('common.save')}
              </Button>
            </Space>
          </div>
        );
      })}
      <div style={{ paddingTop: 8, borderTop: '1px solid rgba(5,5,5,0.06)' }}>
        <Space.Compact className="kefu-quiet-new">
          <AutoComplete
            value={newClass}
            onChange={setNewClass}
            options={CLASS_SUGGESTIONS.filter((c) => !classTaken(c, drafts)).map((c) => ({ value: c }))}
            placeholder={t('quietHours.classPlaceholder')}
            status={taken ? 'error' : undefined}
            style={{ width: 180 }}
            maxLength={20}
            data-testid="quiet-new-class"
          />
          <Button icon={<PlusOutlined />} disabled={!newClass.trim() || taken} onClick={addClass} data-testid="quiet-add-class">
            {t('quietHours.addClass')}
          </Button>
        </Space.Compact>
        {taken ? (
          <Typography.Text type="danger" style={{ marginLeft: 8 }}>
            {t('quietHours.classExists')}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}

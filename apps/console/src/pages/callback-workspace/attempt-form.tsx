import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Segmented, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, MoonOutlined, SendOutlined } from '@ant-design/icons';
import { ATTEMPT_RESULTS, SATISFACTION, type Satisfaction } from '@kefu/shared/callbacks';
import { useT } from '../../i18n/i18n-provider.tsx';
import { dayjs, inZone } from '../../utils/time.ts';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import {
  asksAppointment, asksReason, asksSatisfaction, durationRequired, reasonRequired,
  type AttemptDraft, type Channel, type DraftField, type DraftProblem,
} from './attempt-draft.ts';
import { SATISFACTION_KEYS } from './hotkeys.ts';
import { formatDuration } from './use-call-timer.ts';

const CHANNELS: Channel[] = ['phone', 'sms', 'email'];

interface Props {
  draft: AttemptDraft;
  onChange: (patch: Partial<AttemptDraft>) => void;
  /** shown once the agent tried to submit */
  problems: Partial<Record<DraftField, DraftProblem>>;
  /** the callback is finished: the form shows what was recorded */
  readOnly: boolean;
  quiet: { now: boolean; until: string | null };
  /** the server refused for the customer's rest time: the override must be in sight */
  quietRefused: boolean;
  durationSeconds: number;
  onDuration: (seconds: number) => void;
  saving: boolean;
  onSubmit: () => void;
  onBack: () => void;
}

/** Records one attempt: result, and when reached the customer's verdict; the keys are shown next to each choice. */
export function AttemptForm({ draft, onChange, problems, readOnly, quiet, quietRefused, durationSeconds, onDuration, saving, onSubmit, onBack }: Props) {
  const t = useT();
  const labels = useCallbackLabels();
  const help = (field: Exclude<DraftField, `answers.${string}`>) => {
    const p = problems[field];
    if (!p) return {};
    return { validateStatus: 'error' as const, help: p === 'past' ? t('callback.form.appointmentPast') : t(`callback.form.required.${field}`) };
  };
  const showQuiet = !readOnly && (quiet.now || quietRefused);
  if (readOnly && !draft.result) {
    // closed or cancelled before anyone got through: nothing was recorded
    return (
      <Card size="small" title={t('callback.form.recorded')} data-testid="attempt-form">
        <Typography.Paragraph type="secondary">{t('callback.form.nothingRecorded')}</Typography.Paragraph>
        <Button type="primary" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="back-to-callbacks">
          {t('callback.back')}
        </Button>
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={
        <Space>
          <EditOutlined />
          {readOnly ? t('callback.form.recorded') : t('callback.form.title')}
        </Space>
      }
      data-testid="attempt-form"
    >
      {showQuiet ? (
        <Alert
          type="warning"
          showIcon
          icon={<MoonOutlined />}
          style={{ marginBottom: 12 }}
          title={quiet.until ? t('callback.quiet.banner', { until: inZone(quiet.until).format('HH:mm') }) : t('callback.quiet.bannerNoEnd')}
          description={
            <Checkbox
              id="quiet-override"
              checked={draft.quietHoursOverride}
              onChange={(e) => onChange({ quietHoursOverride: e.target.checked })}
              data-testid="quiet-override"
            >
              {t('callback.quiet.override')}
            </Checkbox>
          }
          data-testid="quiet-banner"
        />
      ) : null}
      <Form layout="vertical" component={false} disabled={readOnly}>
        <Form.Item label={t('callback.form.result')} required {...help('result')} style={{ marginBottom: 12 }}>
          <Radio.Group
            value={draft.result}
            onChange={(e) => onChange({ result: e.target.value })}
            // six choices in three columns: they line up with the digit keys and fit the middle column
            style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', rowGap: 8 }}
            data-testid="attempt-result"
            options={ATTEMPT_RESULTS.map((r, i) => ({
              value: r,
              label: (
                <span data-testid={`result-${r}`}>
                  {labels.result(r)}
                  {readOnly ? null : <span className="kefu-kbd">{i + 1}</span>}
                </span>
              ),
            }))}
          />
        </Form.Item>

        {asksSatisfaction(draft) ? (
          <Form.Item label={t('callback.form.satisfaction')} required {...help('satisfaction')} style={{ marginBottom: 12 }}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={draft.satisfaction}
              onChange={(e) => onChange({ satisfaction: e.target.value as Satisfaction })}
              data-testid="attempt-satisfaction"
              options={SATISFACTION.map((s) => ({
                value: s,
                label: (
                  <span data-testid={`satisfaction-${s}`}>
                    {labels.satisfaction(s)}
                    {readOnly ? null : <span className="kefu-kbd">{SATISFACTION_KEYS[s]}</span>}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        ) : null}

        {asksReason(draft) ? (
          <Form.Item
            label={reasonRequired(draft) ? t('callback.form.reasonUnsatisfied') : t('callback.form.reasonNeutral')}
            required={reasonRequired(draft)}
            {...help('reason')}
            style={{ marginBottom: 12 }}
          >
            {/* the test id sits on a wrapper, so a test finds the textarea inside it however antd wraps it */}
            <div data-testid="attempt-reason">
              <Input.TextArea
                value={draft.reason}
                onChange={(e) => onChange({ reason: e.target.value })}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={500}
                showCount={!readOnly}
                placeholder={readOnly ? undefined : t('callback.form.reasonPlaceholder')}
              />
            </div>
          </Form.Item>
        ) : null}

        {asksAppointment(draft) ? (
          <Form.Item label={t('callback.form.appointmentAt')} required {...help('appointmentAt')} style={{ marginBottom: 12 }}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              value={draft.appointmentAt ? dayjs(draft.appointmentAt) : null}
              onChange={(v) => onChange({ appointmentAt: v ? v.second(0).millisecond(0).toISOString() : null })}
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              style={{ width: 220 }}
              data-testid="attempt-appointment"
            />
          </Form.Item>
        ) : null}

        <Space wrap size={[24, 0]} align="start">
          <Form.Item label={t('callback.form.channel')} style={{ marginBottom: 12 }}>
            <Segmented<Channel>
              value={draft.channel}
              onChange={(channel) => onChange({ channel })}
              options={CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
              disabled={readOnly}
              data-testid="attempt-channel"
            />
          </Form.Item>
          <Form.Item
            label={t('callback.form.duration')}
            required={!readOnly && durationRequired(draft)}
            {...help('durationSeconds')}
            style={{ marginBottom: 12 }}
            tooltip={t('callback.form.durationHint')}
          >
            <Space size={8}>
              <InputNumber
                min={0}
                max={6 * 3600}
                value={durationSeconds}
                onChange={(v) => onDuration(typeof v === 'number' ? v : 0)}
                suffix={t('callback.form.seconds')}
                style={{ width: 120 }}
                data-testid="attempt-duration"
              />
              <Typography.Text type="secondary">{formatDuration(durationSeconds)}</Typography.Text>
            </Space>
          </Form.Item>
        </Space>

        <Form.Item label={t('callback.form.note')} style={{ marginBottom: 12 }}>
          <div data-testid="attempt-note">
            <Input.TextArea
              value={draft.note}
              onChange={(e) => onChange({ note: e.target.value })}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              placeholder={readOnly ? undefined : t('callback.form.notePlaceholder')}
            />
          </div>
        </Form.Item>
      </Form>

      {readOnly ? (
        <Button type="primary" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="back-to-callbacks">
          {t('callback.back')}
        </Button>
      ) : (
        <Space wrap>
          <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={onSubmit} data-testid="attempt-submit">
            {t('callback.form.submit')}
            <span className="kefu-kbd" style={{ color: 'inherit', borderColor: 'rgba(255,255,255,.6)' }}>Ctrl+Enter</span>
          </Button>
        </Space>
      )}
    </Card>
  );
}

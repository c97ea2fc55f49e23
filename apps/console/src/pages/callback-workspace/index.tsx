import { useEffect, useRef, useState } from 'react';
import { App, Button, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useHotkeys } from '../../hooks/use-hotkeys.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { CallbackStatusTags, QuietTag } from '../callbacks/callback-tags.tsx';
import { draftFromAttempt, draftProblems, emptyDraft, toAttemptBody, type AttemptDraft } from './attempt-draft.ts';
import { AttemptForm } from './attempt-form.tsx';
import { AttemptList } from './attempt-list.tsx';
import { CallbackHeader } from './callback-header.tsx';
import { CloseLoopButton } from './close-loop-button.tsx';
import { CustomerCard } from './customer-card.tsx';
import { callbackHotkey, isTypingTarget } from './hotkeys.ts';
import { RecordedBanner } from './recorded-banner.tsx';
import { ScriptPanel } from './script-panel.tsx';
import { TicketSummary } from './ticket-summary.tsx';
import { useCallTimer } from './use-call-timer.ts';
import { useCallbackTask } from './use-callback.ts';

const BACK = '/callbacks';

/**
 * The callback screen (回访工作台): the customer and their history on the
 * left, the script and the record form in the middle, the callback, its work
 * order and earlier attempts on the right. Worked from the keyboard.
 */
export function CallbackWorkspacePage() {
  const { id = '' } = useParams();
  const t = useT();
  const access = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { detail, saving, last, quietRefused, record, close } = useCallbackTask(id);
  const timer = useCallTimer();
  const [draft, setDraft] = useState<AttemptDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const seeded = useRef<string | null>(null);

  const data = detail.data;
  const task = data?.task;
  const open = task?.status === 'open';
  const readOnly = !!task && !open;

  // a finished callback opened later shows what was recorded on its last attempt
  useEffect(() => {
    if (!data || seeded.current === data.task.id) return;
    seeded.current = data.task.id;
    if (data.task.status !== 'open' && data.attempts[0]) setDraft(draftFromAttempt(data.attempts[0]));
  }, [data]);

  // the server's refusal names the rest time; the checkbox is the way through
  useEffect(() => {
    if (quietRefused) document.getElementById('quiet-override')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [quietRefused]);

  const change = (patch: Partial<AttemptDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const call = { durationSeconds: timer.seconds, questions: data?.script?.questions ?? [] };
  const problems = tried ? draftProblems(draft, Date.now(), call) : {};

  const submit = async () => {
    if (!data || !open || saving) return;
    setTried(true);
    if (Object.keys(draftProblems(draft, Date.now(), call)).length) {
      void message.warning(t('callback.form.incomplete'));
      return;
    }
    const seconds = timer.finish();
    const res = await record(toAttemptBody(draft, seconds, data.script?.questions ?? []));
    if (!res) return;
    setTried(false);
    // the submit button may be far below: bring what happened into sight
    setTimeout(() => document.querySelector('[data-testid="recorded-banner"]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 0);
    if (res.task.status === 'open') {
      // not reached yet: the next try starts clean, on the same channel
      setDraft({ ...emptyDraft(), channel: draft.channel });
      timer.reset();
    }
  };

  useHotkeys((e) => {
    if (!open || dialogOpen) return false;
    const action = callbackHotkey(e, isTypingTarget(document.activeElement));
    if (!action) return false;
    if (action.kind === 'submit') void submit();
    else if (action.kind === 'timer') timer.toggle();
    else if (action.kind === 'result') change({ result: action.result });
    // a verdict means the customer was reached
    else change({ result: 'reached', satisfaction: action.satisfaction });
    return true;
  });

  if (detail.loading && !data) return <Spin size="large" className="kefu-boot-spin" />;
  if (!data || !task) {
    return <Result status="404" subTitle={t('callback.notFound')} extra={<Link to={BACK}>{t('callback.back')}</Link>} />;
  }

  // a manager may end the loop while it runs, or after an unsatisfied verdict
  const closable = access.callbackManage && (open || (task.status === 'done' && task.outcome === 'unsatisfied'));
  const onClose = async (reason: string) => {
    const closed = await close(reason);
    if (closed) void message.success(t('callback.close.done'));
    return !!closed;
  };

  return (
    <div data-testid="callback-workspace">
      <Link to={BACK}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('callback.back')}
        </Button>
      </Link>
      <div className="kefu-page-title">
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('callback.workspace.title', { name: data.customer.name })}
          </Typography.Title>
          <CallbackStatusTags status={task.status} outcome={task.outcome} />
          {open && data.quiet.now ? <QuietTag until={data.quiet.until} /> : null}
        </Space>
        <Space wrap>
          {open ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="callback-shortcuts">
              {t('callback.shortcuts')}
            </Typography.Text>
          ) : null}
          {closable ? <CloseLoopButton onClose={onClose} onOpenChange={setDialogOpen} /> : null}
        </Space>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12} xl={6}>
          <CustomerCard customer={data.customer} history={data.history} canOpenCustomer={access.customers} />
        </Col>
        <Col xs={24} lg={12} xl={11}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {last ? <RecordedBanner last={last} /> : null}
            <ScriptPanel
              script={data.script}
              satisfaction={draft.result === 'reached' ? draft.satisfaction : null}
              answers={draft.answers}
              onAnswer={(key, value) =>
                setDraft((d) => {
                  const answers = { ...d.answers };
                  if (value === undefined) delete answers[key];
                  else answers[key] = value;
                  return { ...d, answers };
                })
              }
              answerable={open && draft.result === 'reached'}
              ticketStatus={data.ticket?.status ?? null}
              problems={problems}
            />
            <AttemptForm
              draft={draft}
              onChange={change}
              problems={problems}
              readOnly={readOnly}
              quiet={data.quiet}
              quietRefused={quietRefused}
              durationSeconds={readOnly ? (data.attempts[0]?.durationSeconds ?? 0) : timer.seconds}
              onDuration={timer.set}
              saving={saving}
              onSubmit={() => void submit()}
              onBack={() => navigate(BACK)}
            />
          </Space>
        </Col>
        <Col xs={24} xl={7}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CallbackHeader task={task} assigneeName={data.assigneeName} timer={timer} />
            {data.ticket ? <TicketSummary ticket={data.ticket} /> : null}
            <AttemptList attempts={data.attempts} questions={data.script?.questions ?? []} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

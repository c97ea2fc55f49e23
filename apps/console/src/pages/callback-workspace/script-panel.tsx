import { Card, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { ReadOutlined } from '@ant-design/icons';
import type { Satisfaction } from '@kefu/shared/callbacks';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { CallbackScript, ScriptQuestion } from '../callbacks/callback-types.ts';
import { useCallbackLabels } from '../callbacks/callback-labels.ts';
import { questionRequired } from '@kefu/shared/callbacks';
import type { Answer, DraftField, DraftProblem } from './attempt-draft.ts';
import { branchEffect } from './follow-up.ts';

interface Props {
  script: CallbackScript | null;
  satisfaction: Satisfaction | null;
  answers: Record<string, Answer>;
  onAnswer: (key: string, value: Answer | undefined) => void;
  /** the customer was reached and the attempt is not recorded yet */
  answerable: boolean;
  /** the work order's status: what a branch's follow-up will actually do depends on it */
  ticketStatus: string | null;
  /** shown once the agent tried to submit: answers still missing (answers.<key>) */
  problems?: Partial<Record<DraftField, DraftProblem>>;
}

const EFFECT_COLORS = { close: 'green', reopen: 'red', rectify: 'orange' } as const;
const BOX = { background: '#f6f9ff', border: '1px solid #e1ebff', borderRadius: 6, padding: '8px 12px' } as const;
const BRANCH_BOX: Record<Satisfaction, { background: string; border: string }> = {
  satisfied: { background: '#f6ffed', border: '1px solid #d9f7be' },
  neutral: { background: '#fffbe6', border: '1px solid #fff1b8' },
  unsatisfied: { background: '#fff2f0', border: '1px solid #ffccc7' },
};

/**
 * The script (话术) as the agent reads it: the opening, the questions (answered
 * right here once the customer is on the line) and the ending for the
 * satisfaction the agent picked, with what recording it will do to the work order.
 */
export function ScriptPanel({ script, satisfaction, answers, onAnswer, answerable, ticketStatus, problems = {} }: Props) {
  const t = useT();
  const labels = useCallbackLabels();
  const title = (
    <Space>
      <ReadOutlined />
      {t('callback.script')}
      {script ? <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{script.name}</Typography.Text> : null}
    </Space>
  );
  if (!script) {
    return (
      <Card size="small" title={title} data-testid="callback-script">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callback.script.none')} />
      </Card>
    );
  }
  const branch = satisfaction ? script.branches[satisfaction] : undefined;
  const effect = branch ? branchEffect(branch.followUp, ticketStatus) : null;
  return (
    <Card size="small" title={title} data-testid="callback-script">
      <div className="kefu-section-title">{t('callback.script.opening')}</div>
      <Typography.Paragraph style={{ ...BOX, fontSize: 15 }} data-testid="script-opening">
        {script.opening}
      </Typography.Paragraph>

      {script.questions.length ? (
        <>
          <div className="kefu-section-title">{t('callback.script.questions')}</div>
          <ol style={{ paddingInlineStart: 20, margin: '0 0 12px' }} data-testid="script-questions">
            {script.questions.map((q) => {
              const problem = problems[`answers.${q.key}`];
              return (
                <li key={q.key} style={{ marginBottom: 10 }}>
                  {questionRequired(q) ? <Typography.Text type="danger" style={{ marginInlineEnd: 4 }}>*</Typography.Text> : null}
                  <Typography.Text style={{ fontSize: 15 }}>{q.text}</Typography.Text>
                  {questionRequired(q) ? null : <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>({t('callback.script.optional')})</Typography.Text>}
                  <div style={{ marginTop: 4 }}>
                    <QuestionInput question={q} value={answers[q.key]} onChange={(v) => onAnswer(q.key, v)} disabled={!answerable} />
                  </div>
                  {problem ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`answer-problem-${q.key}`}>
                      {t(problem === 'invalid' ? 'callback.script.answerInvalid' : 'callback.script.answerRequired')}
                    </Typography.Text>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {answerable ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -6 }}>{t('callback.script.requiredHint')}</Typography.Paragraph>
          ) : null}
          {!answerable && !Object.keys(answers).length ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -6 }}>{t('callback.script.answerWhenReached')}</Typography.Paragraph>
          ) : null}
        </>
      ) : null}

      <div className="kefu-section-title">{t('callback.script.ending')}</div>
      {branch && satisfaction ? (
        <div style={{ ...BOX, ...BRANCH_BOX[satisfaction] }} data-testid="script-branch" data-branch={satisfaction}>
          <Space size={6} wrap style={{ marginBottom: 4 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{labels.satisfaction(satisfaction)}</Tag>
            {effect ? <Tag color={EFFECT_COLORS[effect]} style={{ marginInlineEnd: 0 }}>{t(`callback.effect.${effect}`)}</Tag> : null}
          </Space>
          {branch.prompt ? (
            <Typography.Paragraph style={{ margin: '4px 0', fontSize: 15 }}>
              <Typography.Text type="secondary">{t('callback.script.prompt')}: </Typography.Text>
              {branch.prompt}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>
            <Typography.Text type="secondary">{t('callback.script.closing')}: </Typography.Text>
            {branch.closing}
          </Typography.Paragraph>
        </div>
      ) : (
        <Typography.Text type="secondary" data-testid="script-branch-hint">{t('callback.script.pickSatisfaction')}</Typography.Text>
      )}
    </Card>
  );
}

/** yes/no → boolean, choice → the option's text, text → free text. */
function QuestionInput({ question, value, onChange, disabled }: { question: ScriptQuestion; value: Answer | undefined; onChange: (v: Answer | undefined) => void; disabled: boolean }) {
  const t = useT();
  if (question.kind === 'yes_no') {
    return (
      <Radio.Group
        size="small"
        optionType="button"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as boolean)}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
        data-testid={`answer-${question.key}`}
      />
    );
  }
  if (question.kind === 'choice') {
    return (
      <Radio.Group
        size="small"
        optionType="button"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as string)}
        options={(question.options ?? []).map((o) => ({ value: o, label: o }))}
        data-testid={`answer-${question.key}`}
      />
    );
  }
  return (
    <Input.TextArea
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value || undefined)}
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={2000}
      placeholder={t('callback.script.answerPlaceholder')}
      data-testid={`answer-${question.key}`}
    />
  );
}

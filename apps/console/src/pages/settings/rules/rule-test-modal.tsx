import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { RULE_TRIGGERS, type RuleTrigger } from '@kefu/shared/rules';
import { api, ApiError } from '../../../api/client.ts';
import { rulePreviewBody } from '../../../api/bodies.ts';
import type { RulePreview, Ticket } from '../../../api/types.ts';
import { resolveTicketId } from '../../../api/ticket-lookup.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { findField, type ConditionField, type Lookups } from './rule-model.ts';
import { describeAction } from './rule-words.ts';

interface Props {
  open: boolean;
  fields: ConditionField[];
  lk: Lookups;
  onClose: () => void;
}

interface Result {
  ticket: Ticket;
  preview: RulePreview;
}

/** "Test against work order X": which rules would fire and whom each action would reach. Changes nothing. */
export function RuleTestModal({ open, fields, lk, onClose }: Props) {
  const t = useT();
  const [input, setInput] = useState('');
  const [trigger, setTrigger] = useState<RuleTrigger>('ticket.created');
  const [changed, setChanged] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const changedOptions = findField(fields, 'changed')?.options ?? [];
  const showChanged = trigger !== 'ticket.created' && trigger !== 'sla.due' && trigger !== 'sla.breached';

  const run = async () => {
    setProblem(null);
    setRunning(true);
    try {
      const id = await resolveTicketId(input);
      if (!id) {
        setResult(null);
        setProblem(t('rule.testNotFound', { q: input.trim() }));
        return;
      }
      const [ticket, preview] = await Promise.all([
        api.get<Ticket>(`/tickets/${id}`, undefined, { silent: (e) => e.status === 404 }),
        api.post<RulePreview>('/rules/preview', rulePreviewBody({ ticketId: id, trigger, changed: showChanged ? changed : [] }), { silent: (e) => e.status === 404 }),
      ]);
      setResult({ ticket, preview });
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.status === 404) setProblem(t('rule.testNotFound', { q: input.trim() }));
    } finally {
      setRunning(false);
    }
  };

  const ctx = result?.preview.context ?? {};
  return (
    <Modal open={open} title={t('rule.testTitle')} width={820} footer={null} onCancel={onClose} destroyOnHidden data-testid="rule-test">
      <Typography.Paragraph type="secondary">{t('rule.testHint')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Row gutter={12} align="bottom">
          <Col span={9}>
            <Form.Item label={t('rule.testTicket')} style={{ marginBottom: 12 }}>
              <Input
                autoFocus
                value={input}
                placeholder={t('rule.testTicketPlaceholder')}
                onChange={(e) => setInput(e.target.value)}
                onPressEnter={() => void run()}
                data-testid="rule-test-ticket"
              />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label={t('rule.trigger')} style={{ marginBottom: 12 }}>
              <Select
                value={trigger}
                onChange={setTrigger}
                options={RULE_TRIGGERS.map((x) => ({ value: x, label: t(`rule.triggerName.${x}`) }))}
                data-testid="rule-test-trigger"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item style={{ marginBottom: 12 }}>
              <Button type="primary" block loading={running} disabled={!input.trim()} onClick={() => void run()} data-testid="rule-test-run">
                {t('rule.testRun')}
              </Button>
            </Form.Item>
          </Col>
          {showChanged ? (
            <Col span={24}>
              <Form.Item label={t('rule.testChanged')} extra={t('rule.testChangedHint')} style={{ marginBottom: 12 }}>
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={changed}
                  onChange={setChanged}
                  options={changedOptions.map((o) => ({ value: String(o.value), label: o.label }))}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      {result ? (
        <div data-testid="rule-test-result">
          <Descriptions
            size="small"
            bordered
            column={4}
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'ticket',
                label: t('ticket.number'),
                span: 4,
                children: (
                  <Space wrap>
                    <Link to={`/tickets/${result.ticket.id}`} onClick={onClose}>
                      {result.ticket.number}
                    </Link>
                    <Typography.Text>{result.ticket.subject}</Typography.Text>
                  </Space>
                ),
              },
              { key: 'type', label: t('ticket.type'), children: lk.typeName(String(ctx.type ?? result.ticket.type)) },
              { key: 'status', label: t('ticket.status'), children: lk.status(String(ctx.status ?? result.ticket.status)) },
              { key: 'priority', label: t('ticket.priority'), children: lk.priority(String(ctx.priority ?? result.ticket.priority)) },
              {
                key: 'hours',
                label: t('rule.field.businessHours'),
                children: ctx.businessHours === true ? t('common.yes') : ctx.businessHours === false ? t('common.no') : '—',
              },
            ]}
          />
          {result.preview.rules.length === 0 ? (
            <Empty description={t('rule.testNone')} />
          ) : (
            <>
              <Typography.Paragraph strong>{t('rule.testFires', { n: result.preview.rules.length })}</Typography.Paragraph>
              {result.preview.rules.map((r, i) => (
                <Card
                  key={r.ruleId}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={
                    <Space>
                      <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                      <span data-testid="rule-test-rule">{r.ruleName}</span>
                    </Space>
                  }
                  extra={
                    r.outcome === 'fired' ? (
                      <Tag color="green">{t('rule.outcome.fire')}</Tag>
                    ) : (
                      <Tag color="orange">{lk.text(`rule.outcome.${r.outcome}`)}</Tag>
                    )
                  }
                >
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {r.actions.map((a, j) => (
                      <li key={j} style={{ marginBottom: 4 }}>
                        {describeAction(a.action, lk)}
                        {a.people.length ? (
                          <div>
                            <Typography.Text type="secondary">{t('rule.testPeople')}</Typography.Text>{' '}
                            {a.people.map((p, k) => (
                              <Tag key={k} color="blue">
                                {p}
                              </Tag>
                            ))}
                          </div>
                        ) : 'to' in a.action || 'recipients' in a.action || 'assignees' in a.action || 'who' in a.action ? (
                          <div>
                            <Typography.Text type="warning">{t('rule.testNobody')}</Typography.Text>
                          </div>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </Card>
              ))}
            </>
          )}
        </div>
      ) : null}
    </Modal>
  );
}

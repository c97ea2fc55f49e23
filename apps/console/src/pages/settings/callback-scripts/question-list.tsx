import { Button, Checkbox, Col, Form, Input, Row, Select, Space, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { nextQuestionKey, type QuestionKind, type QuestionValues } from './script-model.ts';

const KINDS: QuestionKind[] = ['yes_no', 'choice', 'text'];
const MAX_QUESTIONS = 20;

/** The script's questions (a Form.List named "questions"): text, how it is answered, options of a choice; in the order asked. */
export function QuestionList({ form }: { form: FormInstance }) {
  const t = useT();
  const questions = (Form.useWatch('questions', form) ?? []) as QuestionValues[];
  return (
    <Form.List name="questions">
      {(items, { add, remove, move }) => (
        <div data-testid="script-questions">
          {items.length === 0 ? <Typography.Paragraph type="secondary">{t('cbScript.noQuestions')}</Typography.Paragraph> : null}
          {items.map((item, i) => {
            const q = questions[item.name];
            return (
              <Row gutter={8} key={item.key} align="top" data-testid="script-question">
                <Col flex="28px">
                  <Tooltip title={t('cbScript.key', { key: q?.key ?? '' })}>
                    <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                      {i + 1}.
                    </Typography.Text>
                  </Tooltip>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[item.name, 'text']} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('cbScript.needText') }, { max: 500 }]}>
                    <Input placeholder={t('cbScript.questionText')} data-testid="question-text" />
                  </Form.Item>
                  {q?.kind === 'choice' ? (
                    <Form.Item
                      name={[item.name, 'options']}
                      style={{ marginBottom: 8 }}
                      rules={[
                        {
                          validator: async (_, v: string[] | undefined) =>
                            (v ?? []).filter((o) => o.trim()).length >= 2 ? undefined : Promise.reject(new Error(t('cbScript.needOptions'))),
                        },
                      ]}
                    >
                      <Select mode="tags" open={false} maxCount={10} placeholder={t('cbScript.optionsPlaceholder')} aria-label={t('cbScript.options')} data-testid="question-options" />
                    </Form.Item>
                  ) : null}
                </Col>
                <Col flex="120px">
                  <Form.Item name={[item.name, 'kind']} style={{ marginBottom: 8 }}>
                    <Select
                      options={KINDS.map((k) => ({ value: k, label: t(`cbScript.kind.${k}`) }))}
                      aria-label={t('cbScript.questionKind')}
                      data-testid="question-kind"
                    />
                  </Form.Item>
                  <Tooltip title={t('cbScript.requiredHint')}>
                    <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox data-testid="question-required">{t('cbScript.required')}</Checkbox>
                    </Form.Item>
                  </Tooltip>
                </Col>
                <Col flex="96px">
                  <Space size={0}>
                    <Tooltip title={t('cbScript.moveUp')}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('cbScript.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('cbScript.moveDown')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === items.length - 1}
                        onClick={() => move(i, i + 1)}
                        aria-label={t('cbScript.moveDown')}
                      />
                    </Tooltip>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
                  </Space>
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={items.length >= MAX_QUESTIONS}
            onClick={() => add({ key: nextQuestionKey(questions.map((x) => x?.key)), text: '', kind: 'yes_no', options: [], required: true })}
            data-testid="script-add-question"
          >
            {t('cbScript.addQuestion')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Dropdown, Empty, Form, Input, InputNumber, Radio, Row, Space, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ratingOptions, ratingWordKey } from '../public-survey/rating-scale.ts';
import { RatingFace } from '../public-survey/rating-face.tsx';
import { QuestionEditor } from './question-editor.tsx';
import {
  emptySurvey, MAX_QUESTIONS, move, newQuestion, QUESTION_KINDS, questionProblems, toSurveyBody, type QuestionDraft, type QuestionKind, type SurveyValues,
} from './survey-model.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** 新建问卷: name, kind, the overall rating's scale, how long a link lasts, then the questions. */
export function SurveyBuilder({ open, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyValues>();
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scale = Form.useWatch('scale', form) ?? 5;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(emptySurvey());
    setQuestions([]);
    setTried(false);
    setError(null);
  }, [open]);

  const add = (kind: QuestionKind) => setQuestions((qs) => [...qs, newQuestion(qs, kind)]);
  const problems = questionProblems(questions);

  const save = async () => {
    setTried(true);
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid || problems.length) return;
    setSaving(true);
    setError(null);
    try {
      await api.post('/surveys', toSurveyBody(form.getFieldsValue(true) as SurveyValues, questions), { silent: (e) => e.status !== 401 });
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) setError(e.details?.length ? `${e.message}: ${e.details.map((d) => `${d.path} ${d.message}`).join('; ')}` : e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      size={760}
      title={t('survey.new')}
      onClose={onClose}
      forceRender
      data-testid="survey-builder"
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="survey-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} /> : null}
      <Form form={form} layout="vertical" initialValues={emptySurvey()}>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('survey.name')} rules={[{ required: true, whitespace: true, message: t('survey.nameRequired') }, { max: 100 }]}>
              <Input placeholder={t('survey.namePlaceholder')} data-testid="survey-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="validDays" label={t('survey.validDays')} tooltip={t('survey.validDaysHint')} rules={[{ required: true }]}>
              <InputNumber min={1} max={90} precision={0} suffix={t('survey.days')} style={{ width: '100%' }} data-testid="survey-valid-days" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('survey.kind')} tooltip={t('survey.kindHint')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'periodic', label: t('survey.kind.periodic') },
                  { value: 'post_resolution', label: t('survey.kind.post_resolution') },
                ]}
                data-testid="survey-kind"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="scale" label={t('survey.scale')}>
              <Radio.Group
                optionType="button"
                options={[2, 3, 5].map((s) => ({ value: s, label: t('survey.scaleN', { n: s }) }))}
                data-testid="survey-scale"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Text type="secondary">{t('survey.overallPreview')}</Typography.Text>
      <div style={{ margin: '6px 0 4px' }} data-testid="survey-scale-preview">
        <Space wrap size={[12, 4]}>
          {ratingOptions(scale).map((o) => (
            <span key={o.value}>
              <RatingFace word={o.word} /> {t(ratingWordKey(o.word))}
            </span>
          ))}
        </Space>
      </div>

      <Divider titlePlacement="start" style={{ marginTop: 16 }}>
        {t('survey.questions')} ({questions.length}/{MAX_QUESTIONS})
      </Divider>
      {questions.length ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.noQuestions')} />}
      {questions.map((q, i) => (
        <QuestionEditor
          key={q.key}
          question={q}
          index={i}
          count={questions.length}
          showErrors={tried}
          onChange={(next) => setQuestions((qs) => qs.map((x, j) => (j === i ? next : x)))}
          onMove={(to) => setQuestions((qs) => move(qs, i, to))}
          onRemove={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
        />
      ))}
      {tried && problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 10 }}
          title={t('survey.fixQuestions')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>{t(`survey.problem.${p.problem}`, { n: p.index + 1 })}</li>
              ))}
            </ul>
          }
          data-testid="survey-problems"
        />
      ) : null}
      <Dropdown
        disabled={questions.length >= MAX_QUESTIONS}
        menu={{ items: QUESTION_KINDS.map((k) => ({ key: k, label: t(`survey.qkind.${k}`) })), onClick: ({ key }) => add(key as QuestionKind) }}
      >
        <Button type="dashed" block icon={<PlusOutlined />} data-testid="question-add">
          {t('survey.addQuestion')} <DownOutlined />
        </Button>
      </Dropdown>
    </Drawer>
  );
}

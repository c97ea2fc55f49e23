import { Button, Card, Col, Input, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { MAX_OPTIONS, QUESTION_KINDS, withKind, type QuestionDraft } from './survey-model.ts';

interface Props {
  question: QuestionDraft;
  index: number;
  count: number;
  /** show what is missing (after a save was tried) */
  showErrors: boolean;
  onChange: (q: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One question of the builder: its text in both languages, its kind, options for a choice. */
export function QuestionEditor({ question: q, index, count, showErrors, onChange, onMove, onRemove }: Props) {
  const t = useT();
  const status = (v: string) => (showErrors && !v.trim() ? 'error' : undefined);
  const setOption = (i: number, lang: 'zh' | 'en', v: string) =>
    onChange({ ...q, options: q.options.map((o, j) => (j === i ? { ...o, [lang]: v } : o)) });
  return (
    <Card
      size="small"
      style={{ marginBottom: 10 }}
      data-testid="survey-question"
      title={
        <Space>
          <Tag color="blue">{q.key}</Tag>
          <Typography.Text>{t('survey.questionN', { n: index + 1 })}</Typography.Text>
        </Space>
      }
      extra={
        <Space size={4}>
          <Select
            size="small"
            style={{ width: 110 }}
            value={q.kind}
            onChange={(k) => onChange(withKind(q, k))}
            options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`survey.qkind.${k}`) }))}
            data-testid="question-kind"
          />
          <Tooltip title={t('survey.required')}>
            <Switch size="small" checked={q.required} onChange={(required) => onChange({ ...q, required })} checkedChildren={t('survey.requiredShort')} unCheckedChildren={t('survey.optionalShort')} />
          </Tooltip>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('survey.moveUp')} />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('survey.moveDown')} />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} data-testid="question-remove" />
        </Space>
      }
    >
      <Row gutter={8}>
        <Col span={12}>
          <Input
            prefix={<Typography.Text type="secondary">中</Typography.Text>}
            placeholder={t('survey.textZh')}
            value={q.zh}
            maxLength={300}
            status={status(q.zh)}
            onChange={(e) => onChange({ ...q, zh: e.target.value })}
            data-testid="question-zh"
          />
        </Col>
        <Col span={12}>
          <Input
            prefix={<Typography.Text type="secondary">EN</Typography.Text>}
            placeholder={t('survey.textEn')}
            value={q.en}
            maxLength={300}
            status={status(q.en)}
            onChange={(e) => onChange({ ...q, en: e.target.value })}
            data-testid="question-en"
          />
        </Col>
      </Row>
      {q.kind === 'rating' ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 12 }}>
          {t('survey.ratingHint')}
        </Typography.Text>
      ) : null}
      {q.kind === 'choice' ? (
        <div style={{ marginTop: 8 }}>
          {q.options.map((o, i) => (
            <Row gutter={8} key={i} style={{ marginBottom: 6 }} align="middle">
              <Col flex="28px">
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
              </Col>
              <Col flex="1">
                <Input size="small" placeholder={t('survey.optionZh')} value={o.zh} maxLength={60} status={status(o.zh)} onChange={(e) => setOption(i, 'zh', e.target.value)} data-testid="option-zh" />
              </Col>
              <Col flex="1">
                <Input size="small" placeholder={t('survey.optionEn')} value={o.en} maxLength={60} status={status(o.en)} onChange={(e) => setOption(i, 'en', e.target.value)} data-testid="option-en" />
              </Col>
              <Col flex="28px">
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={q.options.length <= 2}
                  onClick={() => onChange({ ...q, options: q.options.filter((_, j) => j !== i) })}
                  aria-label={t('common.delete')}
                />
              </Col>
            </Row>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={q.options.length >= MAX_OPTIONS}
            onClick={() => onChange({ ...q, options: [...q.options, { zh: '', en: '' }] })}
            data-testid="option-add"
          >
            {t('survey.addOption')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

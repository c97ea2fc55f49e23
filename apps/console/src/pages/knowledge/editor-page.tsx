import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Spin } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { KB_KINDS, type KbArticle } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { dayjs } from '../../utils/time.ts';
import type { Dayjs } from 'dayjs';
import { articlePatch, editorValues, newArticleBody, versionInReview, type EditorValues } from './kb-model.ts';
import { CategorySelect } from './category-select.tsx';

type FormValues = Omit<EditorValues, 'validFrom' | 'validUntil'> & { validFrom?: Dayjs | null; validUntil?: Dayjs | null };

const toForm = (v: EditorValues): FormValues => ({
  ...v, validFrom: v.validFrom ? dayjs(v.validFrom) : null, validUntil: v.validUntil ? dayjs(v.validUntil) : null,
});
const fromForm = (v: FormValues): EditorValues => ({
  ...v, validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null, validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
});

/** Write an article: saved as a draft, or sent for review; what readers see changes only when a reviewer approves. */
export function KnowledgeEditorPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<ServerError | null>(null);
  const existing = useRequest(() => (id ? api.get<KbArticle>(`/kb/articles/${id}`) : Promise.resolve(null)), [id]);
  const a = existing.data ?? null;

  useEffect(() => {
    form.setFieldsValue(a ? toForm(editorValues(a)) : { kind: 'article', tags: [], title: '', body: '' });
  }, [a, form]);

  const save = async (submit: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(submit ? 'submit' : 'draft');
    setError(null);
    try {
      const v = fromForm(values);
      const silent = { silent: (e: { status: number }) => e.status !== 401 };
      const saved = a
        ? await api.patch<KbArticle>(`/kb/articles/${a.id}`, articlePatch(a, v, submit), silent)
        : await api.post<KbArticle>('/kb/articles', newArticleBody(v, submit), silent);
      void message.success(submit ? t('kb.submitted') : t('kb.draftSaved'));
      navigate(`/knowledge/${saved.id}`);
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(null);
    }
  };

  if (id && !a) return existing.failed ? <Alert type="error" title={t('kb.notFound')} /> : <Spin />;
  const waiting = a ? versionInReview(a) : null;

  return (
    <div data-testid="kb-editor">
      <Link to={a ? `/knowledge/${a.id}` : '/knowledge'} className="kefu-kb-back">
        <ArrowLeftOutlined /> {a ? a.title : t('kb.backToList')}
      </Link>
      <PageTitle title={a ? t('kb.editTitle') : t('kb.new')} />
      <Card size="small">
        <ServerErrorAlert error={error} pathLabel={(p) => (p === 'body' || p === 'title' ? t(`kb.${p}`) : p)} testId="kb-editor-error" />
        {waiting ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('kb.editWhileReview', { v: waiting })} /> : null}
        {a && a.publishedVersion !== null ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('kb.editPublishedHint')} /> : null}
        <Form form={form} layout="vertical" requiredMark="optional">
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item name="title" label={t('kb.title')} rules={[{ required: true, whitespace: true, message: t('kb.titleRequired') }]}>
                <Input maxLength={200} data-testid="kb-editor-title" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="kind" label={t('kb.kindLabel')}>
                <Radio.Group optionType="button" options={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="categoryId" label={t('kb.category')}>
                <CategorySelect placeholder={t('kb.noCategory')} testId="kb-editor-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="tags" label={t('kb.tags')} tooltip={t('kb.tagsHint')}>
                <Select mode="tags" maxCount={20} tokenSeparators={[',', ',', ' ']} open={false} suffixIcon={null} data-testid="kb-editor-tags" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item label={t('kb.validityLabel')} tooltip={t('kb.validityHint')}>
                <Space.Compact block>
                  <Form.Item name="validFrom" noStyle>
                    <DatePicker placeholder={t('kb.validFrom')} style={{ width: '50%' }} data-testid="kb-editor-from" />
                  </Form.Item>
                  <Form.Item
                    name="validUntil"
                    noStyle
                    dependencies={['validFrom']}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, v: Dayjs | null) => {
                          const from = getFieldValue('validFrom') as Dayjs | null;
                          return v && from && v.isBefore(from, 'day') ? Promise.reject(new Error(t('kb.validityOrder'))) : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker placeholder={t('kb.validUntil')} style={{ width: '50%' }} data-testid="kb-editor-until" />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="body" label={t('kb.body')} rules={[{ required: true, whitespace: true, message: t('kb.bodyRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} maxLength={50_000} showCount data-testid="kb-editor-body" />
          </Form.Item>
        </Form>
        <div className="kefu-kb-editor-actions">
          <Button onClick={() => navigate(a ? `/knowledge/${a.id}` : '/knowledge')}>{t('common.cancel')}</Button>
          <Button icon={<SaveOutlined />} loading={saving === 'draft'} disabled={!!saving} onClick={() => void save(false)} data-testid="kb-save-draft">
            {t('kb.saveDraft')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} loading={saving === 'submit'} disabled={!!saving} onClick={() => void save(true)} data-testid="kb-save-submit">
            {t('kb.submitForReview')}
          </Button>
        </div>
      </Card>
    </div>
  );
}

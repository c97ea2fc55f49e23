import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { ClassRules, ClassRulesBody } from '@kefu/shared/customer-classes-api';
import { api } from '../../../api/client.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import { RulesEditor } from './rules-editor.tsx';
import { RecomputePanel } from './recompute-panel.tsx';

const bodyOf = (r: ClassRules): ClassRulesBody => ({ classes: r.classes, fallback: r.fallback });

/** Customer classes (客户分级, CUS-05..08): the rules, and the recompute with its preview. */
export function CustomerClassesPage() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useRequest(() => api.get<ClassRules>('/customer-classes'), []);
  const [draft, setDraft] = useState<ClassRulesBody | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => { if (rules.data) setDraft(bodyOf(rules.data)); }, [rules.data]);
  const changed = !!rules.data && !!draft && JSON.stringify(bodyOf(rules.data)) !== JSON.stringify(draft);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await api.put<ClassRules>('/customer-classes', draft);
      rules.setData(saved);
      void message.success(t('cc.saved', { v: saved.version }));
    } catch {
      // reported by the API client (duplicate keys, empty names…)
    } finally {
      setSaving(false);
    }
  };

  if (!rules.data || !draft) return <Spin size="large" className="kefu-boot-spin" />;
  const r = rules.data;
  return (
    <div data-testid="customer-classes-page">
      <PageTitle title={t('menu.customerClasses')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('cc.title')}
            extra={
              <Space>
                <Button icon={<UndoOutlined />} disabled={!changed} onClick={() => setDraft(bodyOf(r))} aria-label={t('common.reset')} />
                <Button type="primary" icon={<SaveOutlined />} disabled={!changed} loading={saving} onClick={save} data-testid="class-rules-save">{t('cc.save')}</Button>
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">{t('cc.intro')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" data-testid="class-rules-version">
              {r.version ? t('cc.version', { v: r.version, by: r.updatedByName ?? '—', at: r.updatedAt ? formatDateTime(r.updatedAt) : '' }) : t('cc.catalogueDefaults')}
            </Typography.Paragraph>
            <RulesEditor value={draft} onChange={setDraft} disabled={saving} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <RecomputePanel rules={r} />
        </Col>
      </Row>
    </div>
  );
}

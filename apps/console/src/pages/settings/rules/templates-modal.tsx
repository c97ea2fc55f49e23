import { useState } from 'react';
import { App, Button, Card, Empty, Modal, Popconfirm, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import type { RuleTemplate } from '../../../api/types.ts';
import { formsResource, positionsResource } from '../../../api/shared-data.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';

interface Props {
  open: boolean;
  templates: RuleTemplate[];
  onClose: () => void;
  onLoaded: () => void;
}

/** Industry templates: positions and rules for a kind of hotline, loaded in one step. */
export function TemplatesModal({ open, templates, onClose, onLoaded }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [loading, setLoading] = useState<string | null>(null);
  const pick = (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);

  const load = async (tpl: RuleTemplate) => {
    setLoading(tpl.key);
    try {
      const res = await api.post<{ rules: number; positions: number }>(`/rule-templates/${encodeURIComponent(tpl.key)}/load`);
      void message.success(t('rule.templateLoaded', { rules: res.rules, positions: res.positions }));
      // a template brings its positions and may bring forms (types its rules test)
      positionsResource.invalidate();
      formsResource.invalidate();
      onLoaded();
    } catch {
      // reported by the API client
    } finally {
      setLoading(null);
    }
  };

  return (
    <Modal open={open} title={t('rule.loadTemplate')} footer={null} onCancel={onClose} width={640} destroyOnHidden data-testid="rule-templates">
      {templates.length === 0 ? <Empty /> : null}
      {templates.map((tpl) => (
        <Card
          key={tpl.key}
          size="small"
          style={{ marginBottom: 8 }}
          title={pick(tpl.name)}
          extra={
            <Popconfirm
              title={t('rule.templateConfirm', { name: pick(tpl.name) })}
              description={<div style={{ maxWidth: 320 }}>{t('rule.templateConfirmHint')}</div>}
              okText={t('rule.templateLoad')}
              cancelText={t('common.cancel')}
              onConfirm={() => load(tpl)}
            >
              <Button type="primary" size="small" loading={loading === tpl.key} data-testid="rule-template-load">
                {t('rule.templateLoad')}
              </Button>
            </Popconfirm>
          }
        >
          <Typography.Paragraph style={{ marginBottom: 4 }}>{pick(tpl.description)}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('rule.templateRules', { n: tpl.rules })} · <Typography.Text code>{tpl.key}</Typography.Text>
          </Typography.Text>
        </Card>
      ))}
    </Modal>
  );
}

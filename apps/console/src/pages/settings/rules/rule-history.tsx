import { useState } from 'react';
import { App, Button, Drawer, Empty, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import type { RuleAction, RuleCondition } from '@kefu/shared/rules';
import { api, itemsOf } from '../../../api/client.ts';
import type { Rule, RuleVersion } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../utils/time.ts';
import { ruleWith, type ConditionField, type Lookups } from './rule-model.ts';
import { describeAction, describeCondition } from './rule-words.ts';

interface Props {
  rule: Rule | null;
  fields: ConditionField[];
  lk: Lookups;
  onClose: () => void;
  onRestored: () => void;
}

/** Every saved version of a rule, newest first, each restorable. */
export function RuleHistoryDrawer({ rule, fields, lk, onClose, onRestored }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [restoring, setRestoring] = useState<number | null>(null);
  const versions = useRequest(
    () => (rule ? api.get<{ items: RuleVersion[] }>(`/rules/${rule.id}/versions`).then(itemsOf) : Promise.resolve([])),
    [rule?.id],
  );
  const items = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);

  const restore = async (v: RuleVersion) => {
    if (!rule) return;
    const s = v.snapshot;
    setRestoring(v.version);
    try {
      // the rule's place in the order stays as it is now
      await api.patch<Rule>(
        `/rules/${rule.id}`,
        ruleWith(rule, {
          name: typeof s.name === 'string' ? s.name : undefined,
          description: (s.description as string | null | undefined) ?? null,
          enabled: typeof s.enabled === 'boolean' ? s.enabled : undefined,
          trigger: s.trigger,
          conditions: Array.isArray(s.conditions) ? (s.conditions as RuleCondition[]) : undefined,
          actions: Array.isArray(s.actions) ? (s.actions as RuleAction[]) : undefined,
          stopProcessing: typeof s.stopProcessing === 'boolean' ? s.stopProcessing : undefined,
        }),
      );
      void message.success(t('rule.restored', { v: v.version }));
      onRestored();
    } catch {
      // reported by the API client
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Drawer open={!!rule} size={640} title={rule ? t('rule.historyTitle', { name: rule.name }) : ''} onClose={onClose} destroyOnHidden data-testid="rule-history">
      {!versions.loading && !items.length ? <Empty /> : null}
      <Timeline
        items={items.map((v) => {
          const s = v.snapshot;
          const conditions = Array.isArray(s.conditions) ? (s.conditions as RuleCondition[]) : [];
          const actions = Array.isArray(s.actions) ? (s.actions as RuleAction[]) : [];
          const current = v.version === rule?.version;
          return {
            key: v.version,
            color: current ? 'green' : 'gray',
            title: (
              <Space wrap>
                <Typography.Text strong>v{v.version}</Typography.Text>
                {current ? <Tag color="green">{t('rule.currentVersion')}</Tag> : null}
                <Typography.Text type="secondary">
                  {formatDateTime(v.at)} · {v.changedBy ?? t('ticket.system')}
                </Typography.Text>
              </Space>
            ),
            content: (
              <div className="kefu-rule-summary">
                <div>
                  <Typography.Text strong>{String(s.name ?? '')}</Typography.Text>{' '}
                  {s.enabled === false ? <Tag>{t('rule.disabled')}</Tag> : null}
                  {s.stopProcessing ? <Tag color="volcano">{t('rule.stops')}</Tag> : null}
                  {typeof s.position === 'number' ? <Typography.Text type="secondary"> · {t('rule.positionN', { n: s.position })}</Typography.Text> : null}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('rule.trigger')}:</Typography.Text> {s.trigger ? lk.text(`rule.triggerName.${s.trigger}`) : '—'}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('rule.when')}</Typography.Text>{' '}
                  {conditions.length ? conditions.map((c) => describeCondition(c, fields, lk)).join(t('rule.and')) : t('rule.always')}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('rule.then')}</Typography.Text> {actions.map((a) => describeAction(a, lk)).join(';')}
                </div>
                {!current ? (
                  <Popconfirm title={t('rule.restoreConfirm', { v: v.version })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => restore(v)}>
                    <Button size="small" style={{ marginTop: 4 }} loading={restoring === v.version}>
                      {t('rule.restore')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </Drawer>
  );
}

import { Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { FOLLOW_UPS, SATISFACTION, type Satisfaction } from '@kefu/shared/callbacks';
import { useT } from '../../../i18n/i18n-provider.tsx';

export const BRANCH_COLORS: Record<Satisfaction, string> = { satisfied: '#52c41a', neutral: '#faad14', unsatisfied: '#ff4d4f' };

/** One panel per satisfaction result: what to ask, the closing words, and what happens to the work order afterwards. */
export function BranchPanels() {
  const t = useT();
  return (
    <Row gutter={12} data-testid="script-branches">
      {SATISFACTION.map((s) => (
        <Col span={8} key={s}>
          <Card
            size="small"
            title={<span style={{ color: BRANCH_COLORS[s] }}>{t(`cbScript.branch.${s}`)}</span>}
            style={{ borderTop: `3px solid ${BRANCH_COLORS[s]}`, height: '100%' }}
            data-testid={`branch-${s}`}
          >
            <Form.Item name={['branches', s, 'prompt']} label={t('cbScript.prompt')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} placeholder={t('cbScript.promptPlaceholder')} data-testid="branch-prompt" />
            </Form.Item>
            <Form.Item
              name={['branches', s, 'closing']}
              label={t('cbScript.closing')}
              rules={[{ required: true, whitespace: true, message: t('cbScript.needClosing') }, { max: 1000 }]}
            >
              <Input.TextArea rows={3} data-testid="branch-closing" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.branches?.[s]?.followUp !== b.branches?.[s]?.followUp}>
              {({ getFieldValue }) => {
                const f = getFieldValue(['branches', s, 'followUp']) as (typeof FOLLOW_UPS)[number] | undefined;
                return (
                  <Form.Item
                    name={['branches', s, 'followUp']}
                    label={t('cbScript.followUp')}
                    extra={f ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`cbScript.followUpHint.${f}`)}</Typography.Text> : null}
                    style={{ marginBottom: 0 }}
                  >
                    <Select options={FOLLOW_UPS.map((x) => ({ value: x, label: t(`cbScript.followUp.${x}`) }))} data-testid="branch-follow-up" />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

import { Alert, Button, Card, Empty, Result, Select, Space, Spin, Typography } from 'antd';
import { FileAddOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PRIORITIES, type Priority } from '@kefu/shared/ticket-status';
import type { FormRecord } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { DynamicForm } from '../../components/dynamic-form/dynamic-form.tsx';
import type { FieldErrors, FieldValues } from '../../components/dynamic-form/form-values.ts';
import { TypePicker } from './type-picker.tsx';
import type { FormsProblem } from './use-workbench.ts';

interface Props {
  forms: FormRecord[] | undefined;
  formsProblem: FormsProblem;
  onRetryForms: () => void;
  form: FormRecord | null;
  type: string | null;
  onType: (type: string) => void;
  priority: Priority;
  onPriority: (p: Priority) => void;
  values: FieldValues;
  onValues: (v: FieldValues) => void;
  errors: FieldErrors;
  onSave: () => void;
  onClear: () => void;
  saving: boolean;
  lastCreated: { id: string; number: string } | undefined;
}

export function TicketPanel(p: Props) {
  const t = useT();
  const labels = useLabels();
  return (
    <Card
      size="small"
      title={<Space><FileAddOutlined />{t('workbench.workOrder')}</Space>}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('ticket.priority')}</Typography.Text>
          <Select
            size="small"
            style={{ width: 96 }}
            value={p.priority}
            onChange={p.onPriority}
            options={PRIORITIES.map((x) => ({ value: x, label: labels.priority(x) }))}
            data-testid="priority-select"
          />
        </Space>
      }
    >
      {p.lastCreated ? (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={
            <span>
              {t('workbench.createdPrefix')}{' '}
              <Link to={`/tickets/${p.lastCreated.id}`} data-testid="ticket-number">
                {p.lastCreated.number}
              </Link>
              {'  '}
              <Typography.Text type="secondary">{t('workbench.createdHint')}</Typography.Text>
            </span>
          }
        />
      ) : null}
      {p.formsProblem === 'forbidden' ? (
        <Result
          status="warning"
          title={t('workbench.formsForbidden')}
          subTitle={t('workbench.formsForbiddenHint')}
          data-testid="forms-forbidden"
        />
      ) : p.formsProblem === 'failed' ? (
        <Result
          status="error"
          title={t('workbench.formsFailed')}
          subTitle={t('workbench.formsFailedHint')}
          extra={<Button onClick={p.onRetryForms}>{t('common.retry')}</Button>}
          data-testid="forms-failed"
        />
      ) : !p.forms ? (
        <Spin />
      ) : (
        <>
          <TypePicker forms={p.forms} value={p.type} onChange={p.onType} />
          <div style={{ marginTop: 14 }}>
            {p.form ? (
              <DynamicForm def={p.form.definition} values={p.values} onChange={p.onValues} errors={p.errors} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.pickTypeHint')} />
            )}
          </div>
        </>
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
        <Button onClick={p.onClear} disabled={!p.form}>
          {t('workbench.clearForm')}
        </Button>
        <Button type="primary" icon={<SaveOutlined />} onClick={p.onSave} loading={p.saving} disabled={!p.form} data-testid="save-ticket">
          {t('workbench.save')}
          <span className="kefu-kbd" style={{ color: 'inherit', borderColor: 'rgba(255,255,255,.6)' }}>Ctrl+Enter</span>
        </Button>
      </div>
    </Card>
  );
}

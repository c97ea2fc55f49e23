import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Modal, Result, Segmented, Select, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { PRIORITIES, TICKET_TYPES, type Priority } from '@kefu/shared/ticket-status';
import { api, ApiError } from '../../api/client.ts';
import { conversationTicketBody } from '../../api/bodies.ts';
import type { ConversationDetail, Ticket } from '../../api/types.ts';
import { formsResource, useFormsState } from '../../api/shared-data.ts';
import { DynamicForm } from '../../components/dynamic-form/dynamic-form.tsx';
import { detailsToFieldErrors, dropChangedErrors, validateForSubmit, type FieldErrors, type FieldValues } from '../../components/dynamic-form/form-values.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { useAccess } from '../../session/session-provider.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { KeepAsEvidenceButton } from './transcript-actions.tsx';

interface Props {
  open: boolean;
  conversation: ConversationDetail;
  onClose: () => void;
  onCreated: (ticket: { id: string; number: string }) => void;
}

/** The chat topic suggests a type; the agent may pick another. */
const TYPE_FOR_TOPIC: Record<string, string> = { complaint: 'complaint', pre_sales: 'inquiry' };

/**
 * 建工单: a work order from the conversation, for its customer (or the
 * visitor by name and phone), filled in with the same form as on the hotline
 * workbench. The number links to the new work order.
 */
export function TicketDialog({ open, conversation, onClose, onCreated }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const labels = useLabels();
  const access = useAccess();
  const formsState = useFormsState();
  const forms = useMemo(
    () => formsState.data?.filter((f) => (TICKET_TYPES as readonly string[]).includes(f.type) && !f.definition.internal),
    [formsState.data],
  );
  const [type, setType] = useState<string | null>(null);
  const [priority, setPriority] = useState<Priority>('normal');
  const [values, setValues] = useState<FieldValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<{ id: string; number: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    setType(TYPE_FOR_TOPIC[conversation.topic ?? ''] ?? null);
    setPriority('normal');
    setValues({});
    setErrors({});
    setServerError(null);
    setCreated(null);
  }, [open, conversation.id]);

  const form = forms?.find((f) => f.type === type) ?? null;

  const save = async () => {
    if (!form || saving) return;
    const { clean, errors: found } = validateForSubmit(form.definition, values, locale);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`field-input-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      const ticket = await api.post<Ticket>(
        `/conversations/${conversation.id}/tickets`,
        conversationTicketBody({ type: form.type, fields: clean, priority }),
        { silent: (e) => e.status !== 401 },
      );
      const made = { id: ticket.id, number: ticket.number };
      setCreated(made);
      onCreated(made);
    } catch (e) {
      setServerError(serverErrorOf(e));
      if (e instanceof ApiError && e.details?.length) setErrors(detailsToFieldErrors(e.details));
    } finally {
      setSaving(false);
    }
  };

  const formsProblem = !access.forms || (formsState.error instanceof ApiError && formsState.error.status === 403) ? 'forbidden' : !forms && formsState.error ? 'failed' : null;

  return (
    <Modal
      open={open}
      title={t('inbox.ticket.title')}
      width={860}
      onCancel={onClose}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={onClose} data-testid="ticket-dialog-close">
            {t('inbox.ticket.done')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" onClick={() => void save()} loading={saving} disabled={!form} data-testid="ticket-dialog-save">
              {t('inbox.ticket.submit')}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="ticket-dialog">
        {created ? (
          <Result
            status="success"
            title={
              <span>
                {t('inbox.ticket.created')}{' '}
                <Link to={`/tickets/${created.id}`} data-testid="ticket-dialog-number">
                  {created.number}
                </Link>
              </span>
            }
            subTitle={t('inbox.ticket.createdHint')}
            extra={<KeepAsEvidenceButton conversationId={conversation.id} ticketId={created.id} />}
          />
        ) : (
          <>
            <ServerErrorAlert error={serverError} pathLabel={(path) => path.replace(/^\/?(body[./])?(fields[./])?/, '')} testId="ticket-dialog-error" />
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              {t('inbox.ticket.hint', { name: conversation.customer?.name ?? conversation.visitorName ?? t('inbox.anonymous') })}
            </Typography.Paragraph>
            {formsProblem === 'forbidden' ? (
              <Alert type="warning" showIcon title={t('inbox.ticket.formsForbidden')} data-testid="ticket-dialog-forms-forbidden" />
            ) : formsProblem === 'failed' ? (
              <Alert
                type="error"
                showIcon
                title={t('inbox.ticket.formsFailed')}
                action={<Button size="small" onClick={() => formsResource.retry()}>{t('common.retry')}</Button>}
              />
            ) : !forms ? (
              <Spin />
            ) : (
              <>
                <div className="kefu-ticket-dialog-bar">
                  <Segmented
                    value={type ?? ''}
                    onChange={(v) => {
                      setType(String(v));
                      setErrors({});
                    }}
                    options={forms.map((f) => ({
                      value: f.type,
                      label: <span data-testid={`ticket-type-${f.type}`}>{labels.type(f.type, f.definition.name)}</span>,
                    }))}
                  />
                  <Space size={6}>
                    <Typography.Text type="secondary">{t('ticket.priority')}</Typography.Text>
                    <Select
                      size="small"
                      style={{ width: 96 }}
                      value={priority}
                      onChange={setPriority}
                      options={PRIORITIES.map((x) => ({ value: x, label: labels.priority(x) }))}
                      data-testid="ticket-dialog-priority"
                    />
                  </Space>
                </div>
                <div style={{ marginTop: 14 }}>
                  {form ? (
                    <DynamicForm
                      def={form.definition}
                      values={values}
                      onChange={(next) => {
                        setErrors((errs) => dropChangedErrors(errs, values, next));
                        setValues(next);
                      }}
                      errors={errors}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.ticket.pickType')} />
                  )}
                </div>
              </>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}

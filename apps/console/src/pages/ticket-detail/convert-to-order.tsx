import { useState } from 'react';
import { Alert, App, Button, Modal } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { convertBody } from '../../api/bodies.ts';
import type { Ticket } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { DynamicForm } from '../../components/dynamic-form/dynamic-form.tsx';
import {
  detailsToFieldErrors,
  dropChangedErrors,
  validateForSubmit,
  type FieldErrors,
  type FieldValues,
} from '../../components/dynamic-form/form-values.ts';

/** What an inquiry knows about the order (the server carries the same over). */
export function orderPrefill(inquiry: Record<string, unknown>): FieldValues {
  const out: FieldValues = {};
  const product = inquiry.interestedProduct;
  const channel = inquiry.preferredChannel;
  if (typeof product === 'string' && product.trim()) out.product = product;
  if (typeof channel === 'string' && channel) out.deliveryChannel = channel;
  return out;
}

/** 转为订单: an inquiry from a potential customer becomes an order; the order form opens prefilled. */
export function ConvertToOrderButton({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orderForm = useForms()?.find((f) => f.type === 'order');
  const [values, setValues] = useState<FieldValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!orderForm) return null;

  const submit = async () => {
    if (!values) return;
    const { clean, errors: errs } = validateForSubmit(orderForm.definition, values, locale);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setProblem(null);
    try {
      const created = await api.post<Ticket>(`/tickets/${ticket.id}/convert`, convertBody({ type: 'order', fields: clean }), {
        silent: (e) => e.status === 400 || e.status === 422,
      });
      void message.success(t('convert.done', { number: created.number }));
      setValues(null);
      navigate(`/tickets/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 422)) {
        setErrors(detailsToFieldErrors(e.details));
        setProblem(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type="primary"
        ghost
        icon={<ShoppingCartOutlined />}
        onClick={() => {
          setErrors({});
          setProblem(null);
          setValues(orderPrefill(ticket.fields));
        }}
        data-testid="convert-open"
      >
        {t('convert.button')}
      </Button>
      <Modal
        open={values !== null}
        width={960}
        title={t('convert.title', { number: ticket.number })}
        okText={t('convert.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'convert-submit' }}
        onOk={() => void submit()}
        onCancel={() => setValues(null)}
        destroyOnHidden
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('convert.hint', { customer: ticket.customer.name })} />
        {problem ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} /> : null}
        {values ? (
          <div data-testid="convert-form">
            <DynamicForm
              def={orderForm.definition}
              values={values}
              errors={errors}
              onChange={(next) => {
                setErrors((errs) => dropChangedErrors(errs, values, next));
                setValues(next);
              }}
            />
          </div>
        ) : null}
      </Modal>
    </>
  );
}

import { useCallback, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { interactionCreateBody, interactionEndBody } from '../../api/bodies.ts';
import type { Customer, CustomerCreateBody, Interaction, Ticket, TicketCreateBody } from '../../api/types.ts';
import { useFormsState } from '../../api/shared-data.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import {
  detailsToFieldErrors,
  validateForSubmit,
  type FieldErrors,
} from '../../components/dynamic-form/form-values.ts';
import { callerNumberInvalid } from './customer-lookup.ts';
import { EMPTY_DRAFT, useWorkbenchDraft, type PickedCustomer, type WorkbenchDraft } from './workbench-draft.ts';

export type NewCustomerErrors = Partial<Record<'name' | 'phone', string>>;

/** Why there are no forms to fill: the role may not read them, or loading failed. */
export type FormsProblem = 'forbidden' | 'failed' | null;

export function toPicked(c: Customer): PickedCustomer {
  return { id: c.id, name: c.name, phone: c.phone, address: c.address, masked: c.masked, duplicateOf: c.duplicateOf };
}

/** State and actions of the hotline workbench: one call, one customer, several work orders. */
export function useWorkbench() {
  const me = useMe();
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const access = useAccess();
  const formsState = useFormsState();
  // internal types (tasks that rules create) are not something a caller asks for
  const forms = useMemo(() => formsState.data?.filter((f) => !f.definition.internal), [formsState.data]);
  const formsProblem: FormsProblem = !access.forms
    ? 'forbidden'
    : forms || !formsState.error
      ? null
      : formsState.error instanceof ApiError && formsState.error.status === 403
        ? 'forbidden'
        : 'failed';
  const { draft, update, reset } = useWorkbenchDraft(me.id);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [customerErrors, setCustomerErrors] = useState<NewCustomerErrors>({});
  const [saving, setSaving] = useState(false);
  const [creatingCustomer, setCreatingCustomer] = useState(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // one interaction per call even when Enter, blur and save race each other
  const pendingInteraction = useRef<Promise<string | null> | null>(null);

  const form = forms?.find((f) => f.type === draft.type) ?? null;

  const ensureInteraction = useCallback(async (): Promise<string | null> => {
    const d = draftRef.current;
    if (d.interactionId) return d.interactionId;
    // the server refuses it (422): the call panel says what to fix
    if (callerNumberInvalid(d.callerNumber)) return null;
    if (!pendingInteraction.current) {
      pendingInteraction.current = api
        .post<Interaction>('/interactions', interactionCreateBody({ callerNumber: d.callerNumber, startedAt: d.callStartedAt }))
        .then((i) => {
          update({ interactionId: i.id, callStartedAt: draftRef.current.callStartedAt ?? i.startedAt });
          return i.id;
        })
        .catch(() => null)
        .finally(() => {
          pendingInteraction.current = null;
        });
    }
    return pendingInteraction.current;
  }, [update]);

  const closeInteraction = useCallback(async (d: WorkbenchDraft, silent: boolean) => {
    if (!d.interactionId) return true;
    try {
      await api.patch(
        `/interactions/${d.interactionId}`,
        interactionEndBody({ endedAt: new Date().toISOString(), customerId: d.customer?.id ?? null, summary: d.summary }),
        { silent },
      );
      return true;
    } catch {
      return false;
    }
  }, []);

  const newCall = useCallback(async () => {
    const previous = draftRef.current;
    reset({ ...EMPTY_DRAFT, callStartedAt: new Date().toISOString() });
    setFieldErrors({});
    setCustomerErrors({});
    // a new call means the previous one is over
    if (previous.interactionId) void closeInteraction(previous, true);
  }, [reset, closeInteraction]);

  const endCall = useCallback(async () => {
    const d = draftRef.current;
    if (d.interactionId && !(await closeInteraction(d, false))) return;
    reset(EMPTY_DRAFT);
    setFieldErrors({});
    setCustomerErrors({});
    void message.success(t('workbench.callEnded'));
  }, [reset, closeInteraction, message, t]);

  const setCallerNumber = useCallback(
    (v: string) =>
      update((d) => ({
        callerNumber: v,
        // the search follows the caller number until the operator types something else
        customerQuery: !d.customer && (d.customerQuery === d.callerNumber || !d.customerQuery) ? v : d.customerQuery,
        newCustomer: d.newCustomer && d.newCustomer.phone === d.callerNumber ? { ...d.newCustomer, phone: v } : d.newCustomer,
      })),
    [update],
  );

  const openNewCustomer = useCallback(() => {
    update((d) => ({
      customer: null,
      newCustomer: d.newCustomer ?? { name: '', phone: d.callerNumber.trim(), address: '' },
    }));
  }, [update]);

  const checkNewCustomer = useCallback((): NewCustomerErrors => {
    const nc = draftRef.current.newCustomer;
    const errors: NewCustomerErrors = {};
    if (!nc?.name.trim()) errors.name = t('customer.nameRequired');
    if ((nc?.phone.trim().length ?? 0) < 3) errors.phone = t('customer.phoneRequired');
    setCustomerErrors(errors);
    return errors;
  }, [t]);

  const createCustomer = useCallback(async () => {
    const nc = draftRef.current.newCustomer;
    if (!nc || Object.keys(checkNewCustomer()).length) return;
    setCreatingCustomer(true);
    try {
      const body: CustomerCreateBody = { name: nc.name.trim(), phone: nc.phone.trim(), address: nc.address.trim() || null };
      const c = await api.post<Customer>('/customers', body);
      update({ customer: toPicked(c), newCustomer: null });
      void message.success(t('workbench.customerCreated', { name: c.name }));
    } catch {
      // reported by the API client
    } finally {
      setCreatingCustomer(false);
    }
  }, [checkNewCustomer, update, message, t]);

  /** Replaces the picked customer with its full record (duplicates, masking). */
  const refreshCustomer = useCallback(
    async (customerId: string) => {
      try {
        const c = await api.get<Customer>(`/customers/${customerId}`, undefined, { silent: true });
        update((cur) => (cur.customer?.id === c.id ? { customer: toPicked(c) } : {}));
      } catch {
        // without customer:view the short form from the work order stays
      }
    },
    [update],
  );

  const save = useCallback(async () => {
    if (saving) return;
    const d = draftRef.current;
    if (!form) {
      if (formsProblem === 'forbidden') void message.warning(t('workbench.formsForbidden'));
      else if (formsProblem === 'failed') void message.warning(t('workbench.formsFailed'));
      else void message.warning(t('workbench.pickTypeFirst'));
      return;
    }
    if (callerNumberInvalid(d.callerNumber)) {
      void message.error(t('workbench.callerInvalid'));
      return;
    }
    let customer: TicketCreateBody['customer'] | null = null;
    if (d.customer) customer = { id: d.customer.id };
    else if (d.newCustomer) {
      if (Object.keys(checkNewCustomer()).length) return;
      const { name, phone, address } = d.newCustomer;
      customer = { name: name.trim(), phone: phone.trim(), ...(address.trim() ? { address: address.trim() } : {}) };
    }
    if (!customer) {
      void message.warning(t('workbench.needCustomer'));
      return;
    }
    const { clean, errors } = validateForSubmit(form.definition, d.values, locale);
    setFieldErrors(errors);
    const firstError = Object.keys(errors)[0];
    if (firstError) {
      document.getElementById(`field-input-${firstError}`)?.focus();
      void message.error(t('workbench.fixErrors', { n: Object.keys(errors).length }));
      return;
    }
    setSaving(true);
    try {
      const interactionId = await ensureInteraction();
      const body: TicketCreateBody = {
        type: form.type,
        channel: 'phone',
        customer,
        fields: clean,
        priority: d.priority,
        ...(interactionId ? { interactionId } : {}),
      };
      const ticket = await api.post<Ticket>('/tickets', body);
      update((cur) => ({
        values: {},
        priority: 'normal',
        newCustomer: null,
        customer: cur.customer ?? {
          id: ticket.customer.id,
          name: ticket.customer.name,
          phone: ticket.customer.phone,
          address: cur.newCustomer?.address || null,
          // replaced by the customer record right after (refreshCustomer)
          masked: !!ticket.customer.phone?.includes('*'),
          duplicateOf: [],
        },
        created: [...cur.created, { id: ticket.id, number: ticket.number }],
      }));
      setFieldErrors({});
      void message.success(t('workbench.saved', { number: ticket.number }));
      // created together with the work order: the ticket carries no duplicate
      // flag or masking, the customer record does
      if (!d.customer) void refreshCustomer(ticket.customerId);
    } catch (e) {
      if (e instanceof ApiError && e.details?.length) setFieldErrors(detailsToFieldErrors(e.details));
    } finally {
      setSaving(false);
    }
  }, [saving, form, formsProblem, checkNewCustomer, locale, ensureInteraction, update, refreshCustomer, message, t]);

  return {
    draft,
    update,
    forms,
    formsProblem,
    form,
    fieldErrors,
    setFieldErrors,
    customerErrors,
    saving,
    creatingCustomer,
    actions: { newCall, endCall, ensureInteraction, setCallerNumber, openNewCustomer, createCustomer, save },
  };
}

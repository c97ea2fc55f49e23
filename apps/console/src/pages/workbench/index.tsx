import { useRef } from 'react';
import { Col, Row, Space, Typography, type InputRef } from 'antd';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useHotkeys } from '../../hooks/use-hotkeys.ts';
import { CallPanel } from './call-panel.tsx';
import { CustomerPicker } from './customer-picker.tsx';
import { NewCustomerForm } from './new-customer-form.tsx';
import { TicketPanel } from './ticket-panel.tsx';
import { useWorkbench } from './use-workbench.ts';
import { dropChangedErrors } from '../../components/dynamic-form/form-values.ts';
import { formsResource } from '../../api/shared-data.ts';
import { useLabels } from '../../i18n/labels.ts';
import { KbPanel } from './kb-panel.tsx';
import { suggestionText } from './kb-suggestion-text.ts';

const focusSoon = (f: () => void) => setTimeout(f, 0);

/**
 * Plain digits pick the type only when nothing in particular has focus (or the
 * type picker has): anywhere else a digit may be the start of a date, an amount
 * or a choice typed into a control. Alt+digit works everywhere.
 */
function digitsPickType(active: Element | null): boolean {
  if (!active || active === document.body || active === document.documentElement) return true;
  return !!active.closest('[data-testid="type-picker"]');
}

/** The hotline operator's screen: call and customer on the left, the work order on the right. */
export function WorkbenchPage() {
  const t = useT();
  const wb = useWorkbench();
  const { draft, update, actions, forms } = wb;
  const callerRef = useRef<InputRef>(null);
  const searchRef = useRef<InputRef>(null);
  const { pick } = useLabels();

  const pickType = (type: string) => {
    update({ type });
    wb.setFieldErrors({});
    const def = forms?.find((f) => f.type === type)?.definition;
    const first = def?.sections[0]?.fields[0]?.key;
    if (first) focusSoon(() => document.getElementById(`field-input-${first}`)?.focus());
  };

  const startCall = () => {
    void actions.newCall();
    // synchronously: the number may be typed right after F2 (a fast operator, a CTI wedge)
    callerRef.current?.focus();
  };

  useHotkeys((e) => {
    const alt = e.altKey && !e.ctrlKey && !e.metaKey;
    if (e.key === 'F2' || (alt && e.code === 'KeyN')) return startCall(), true;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return void actions.save(), true;
    if (alt && e.code === 'KeyC') {
      actions.openNewCustomer();
      return true;
    }
    const digit = /^Digit([1-9])$/.exec(e.code);
    const plainDigit = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && digitsPickType(document.activeElement);
    if (digit && forms && (alt || plainDigit)) {
      const f = forms[Number(digit[1]) - 1];
      if (f) return pickType(f.type), true;
    }
    return false;
  });

  return (
    <div data-testid="workbench">
      <Space style={{ marginBottom: 10 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.workbench')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('workbench.shortcuts')}</Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CallPanel
              draft={draft}
              callerRef={callerRef}
              onNewCall={startCall}
              onEndCall={() => void actions.endCall()}
              onCallerChange={actions.setCallerNumber}
              onCallerCommit={() => {
                void actions.ensureInteraction();
                if (!draft.customer) searchRef.current?.focus();
              }}
              onSummaryChange={(summary) => update({ summary })}
            />
            <CustomerPicker
              query={draft.customerQuery}
              onQueryChange={(customerQuery) => update({ customerQuery })}
              customer={draft.customer}
              onPick={(customer) => update({ customer, newCustomer: null })}
              onClear={() => {
                update({ customer: null });
                focusSoon(() => searchRef.current?.focus());
              }}
              onNewCustomer={actions.openNewCustomer}
              searchRef={searchRef}
              newCustomerOpen={!!draft.newCustomer}
            />
            {draft.newCustomer && !draft.customer ? (
              <NewCustomerForm
                value={draft.newCustomer}
                errors={wb.customerErrors}
                onChange={(newCustomer) => update({ newCustomer })}
                onCreate={() => void actions.createCustomer()}
                onCancel={() => update({ newCustomer: null })}
                onPick={(customer) => update({ customer, newCustomer: null })}
                creating={wb.creatingCustomer}
              />
            ) : null}
            <KbPanel text={suggestionText(wb.form?.definition ?? null, draft.values, draft.summary, pick)} />
          </Space>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <TicketPanel
            forms={forms}
            formsProblem={wb.formsProblem}
            onRetryForms={() => formsResource.retry()}
            form={wb.form}
            type={draft.type}
            onType={pickType}
            priority={draft.priority}
            onPriority={(priority) => update({ priority })}
            values={draft.values}
            onValues={(values) => {
              wb.setFieldErrors((errs) => dropChangedErrors(errs, draft.values, values));
              update({ values });
            }}
            errors={wb.fieldErrors}
            onSave={() => void actions.save()}
            onClear={() => {
              update({ values: {} });
              wb.setFieldErrors({});
            }}
            saving={wb.saving}
            lastCreated={draft.created[draft.created.length - 1]}
          />
        </Col>
      </Row>
    </div>
  );
}

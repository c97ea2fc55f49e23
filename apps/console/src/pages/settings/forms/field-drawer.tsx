import { Button, Drawer, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { FIELD_TYPES, type FieldDef, type FieldType } from '@kefu/shared/forms';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { usePhoneLayout } from '../../../hooks/use-media-query.ts';
import { LocalizedInput } from './localized-input.tsx';
import { OptionsEditor } from './options-editor.tsx';
import { OPTION_TYPES } from './form-draft.ts';
import type { DraftIssue } from './form-draft-issues.ts';

type FieldOption = NonNullable<FieldDef['options']>[number];

interface Props {
  field: FieldDef | null;
  issues: DraftIssue[];
  /** published fields keep their key; their published option values stay too */
  keyLocked: boolean;
  lockedValues: Set<string>;
  onChange: (patch: Partial<FieldDef>) => void;
  /** the English label changed on a new field whose key the manager has not typed */
  onLabel: (label: FieldDef['label']) => void;
  options: {
    add: () => void;
    change: (index: number, patch: Partial<FieldOption>) => void;
    move: (from: number, to: number) => void;
    remove: (index: number) => void;
  };
  onClose: () => void;
}

const TEXT: FieldType[] = ['text', 'textarea'];
const NUMBER: FieldType[] = ['number', 'integer'];
const optionalNumber = (v: number | null) => (v === null ? undefined : v);

/** One field's settings, in a drawer beside (on a phone: over) the form. */
export function FieldDrawer({ field, issues, keyLocked, lockedValues, onChange, onLabel, options, onClose }: Props) {
  const t = useT();
  const phone = usePhoneLayout();
  const has = (code: DraftIssue['code']) => issues.some((i) => i.code === code && i.option === undefined);
  return (
    <Drawer
      open={!!field}
      onClose={onClose}
      title={t('formEditor.editField')}
      size={phone ? '100%' : 480}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={onClose} data-testid="field-done">
          {t('formEditor.done')}
        </Button>
      }
    >
      {field ? (
        <Form layout="vertical" component={false}>
          <Form.Item label={t('formEditor.fieldLabel')} required>
            <LocalizedInput
              value={field.label}
              onChange={onLabel}
              missing={issues.filter((i) => i.code === 'field_label_missing').map((i) => i.lang!)}
              testId="field-label"
            />
          </Form.Item>
          <Form.Item
            label={t('formEditor.fieldKey')}
            required
            validateStatus={has('field_key_invalid') || has('field_key_duplicate') ? 'error' : undefined}
            extra={keyLocked ? t('formEditor.keyLocked') : t('formEditor.keyHint')}
          >
            <Input value={field.key} disabled={keyLocked} onChange={(e) => onChange({ key: e.target.value })} data-testid="field-key" />
          </Form.Item>
          <Form.Item label={t('formEditor.fieldType')}>
            <Select<FieldType>
              value={field.type}
              onChange={(type) => onChange({ type })}
              options={FIELD_TYPES.map((x) => ({ value: x, label: t(`forms.fieldTypes.${x}`) }))}
              data-testid="field-type"
            />
          </Form.Item>
          <Form.Item label={t('formEditor.required')}>
            <Switch checked={!!field.required} onChange={(required) => onChange({ required })} data-testid="field-required" />
          </Form.Item>
          {TEXT.includes(field.type) ? (
            <Form.Item label={t('formEditor.maxLength')}>
              <InputNumber min={1} max={10000} precision={0} value={field.maxLength} onChange={(v) => onChange({ maxLength: optionalNumber(v) })} />
            </Form.Item>
          ) : null}
          {NUMBER.includes(field.type) ? (
            <Form.Item label={`${t('formEditor.min')} / ${t('formEditor.max')}`} validateStatus={has('min_above_max') ? 'error' : undefined}>
              <InputNumber value={field.min} onChange={(v) => onChange({ min: optionalNumber(v) })} placeholder={t('formEditor.min')} />
              <Typography.Text type="secondary"> – </Typography.Text>
              <InputNumber value={field.max} onChange={(v) => onChange({ max: optionalNumber(v) })} placeholder={t('formEditor.max')} />
            </Form.Item>
          ) : null}
          {OPTION_TYPES.includes(field.type) ? (
            <Form.Item label={t('formEditor.options')} required validateStatus={has('options_missing') ? 'error' : undefined}>
              <OptionsEditor
                options={field.options ?? []}
                issues={issues}
                lockedValues={lockedValues}
                onAdd={options.add}
                onChange={options.change}
                onMove={options.move}
                onRemove={options.remove}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('formEditor.help')}>
            <LocalizedInput value={field.help ?? { zh: '', en: '' }} onChange={(help) => onChange({ help })} testId="field-help" multiline />
          </Form.Item>
        </Form>
      ) : null}
    </Drawer>
  );
}

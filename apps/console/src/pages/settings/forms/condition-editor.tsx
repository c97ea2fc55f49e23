import { Select, Space, Typography } from 'antd';
import type { FieldDef } from '@kefu/shared/forms';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import type { SectionCondition } from './form-draft.ts';

interface Props {
  when: SectionCondition | undefined;
  /** fields the section may depend on: choices and yes/no of the sections above */
  candidates: FieldDef[];
  invalid: boolean;
  onChange: (when: SectionCondition | undefined) => void;
  testId: string;
}

const ALWAYS = '';
// booleans travel through the Select as strings
const encode = (v: string | boolean) => (typeof v === 'boolean' ? `bool:${v}` : `opt:${v}`);
const decode = (s: string): string | boolean => (s.startsWith('bool:') ? s === 'bool:true' : s.slice(4));

/** "Always", or "when <field> is one of <values>". */
export function ConditionEditor({ when, candidates, invalid, onChange, testId }: Props) {
  const t = useT();
  const labels = useLabels();
  const field = when ? candidates.find((f) => f.key === when.field) : undefined;
  const valueOptions = field
    ? field.type === 'boolean'
      ? [
          { value: encode(true), label: t('common.yes') },
          { value: encode(false), label: t('common.no') },
        ]
      : (field.options ?? []).map((o) => ({ value: encode(o.value), label: labels.pick(o.label) || o.value }))
    : [];
  const fieldChoices = [
    { value: ALWAYS, label: t('formEditor.condition.always') },
    ...candidates.map((f) => ({ value: f.key, label: `${t('formEditor.condition.field')} ${labels.pick(f.label) || f.key}` })),
    // a condition on a field that is no longer a candidate stays visible, so it can be changed
    ...(when && !field ? [{ value: when.field, label: when.field }] : []),
  ];
  return (
    <Space wrap size={[8, 8]} data-testid={testId}>
      <Select<string>
        value={when?.field ?? ALWAYS}
        status={invalid ? 'error' : undefined}
        style={{ minWidth: 180, maxWidth: '100%' }}
        options={fieldChoices}
        onChange={(key) => onChange(key === ALWAYS ? undefined : { field: key, in: [] })}
        data-testid={`${testId}-field`}
      />
      {when ? (
        <>
          <Typography.Text type="secondary">{t('formEditor.condition.values')}</Typography.Text>
          <Select<string[]>
            mode="multiple"
            value={when.in.map(encode)}
            status={invalid ? 'error' : undefined}
            style={{ minWidth: 200, maxWidth: '100%' }}
            options={valueOptions}
            onChange={(vals) => onChange({ field: when.field, in: vals.map(decode) })}
            data-testid={`${testId}-values`}
          />
        </>
      ) : null}
      {!candidates.length && !when ? <Typography.Text type="secondary">{t('formEditor.condition.none')}</Typography.Text> : null}
    </Space>
  );
}

import { Button, Input, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldDef } from '@kefu/shared/forms';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { LocalizedInput } from './localized-input.tsx';
import type { DraftIssue } from './form-draft-issues.ts';

type FieldOption = NonNullable<FieldDef['options']>[number];

interface Props {
  options: FieldOption[];
  issues: DraftIssue[];
  /** values of the published version: changing one would orphan what work orders stored */
  lockedValues: Set<string>;
  onAdd: () => void;
  onChange: (index: number, patch: Partial<FieldOption>) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** A choice field's options: the stored value and the label in both languages, in order. */
export function OptionsEditor({ options, issues, lockedValues, onAdd, onChange, onMove, onRemove }: Props) {
  const t = useT();
  return (
    <div data-testid="options-editor">
      {options.map((o, i) => {
        const mine = issues.filter((x) => x.option === i);
        return (
          <div key={i} className="kefu-option-row" data-testid={`option-${i}`}>
            <Space.Compact style={{ width: '100%', marginBottom: 4 }}>
              <Input
                value={o.value}
                disabled={lockedValues.has(o.value)}
                status={mine.some((x) => x.code.startsWith('option_value')) ? 'error' : undefined}
                prefix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('formEditor.optionValue')}</Typography.Text>}
                onChange={(e) => onChange(i, { value: e.target.value })}
                data-testid={`option-${i}-value`}
              />
              <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => onMove(i, i - 1)} aria-label={t('formEditor.moveUp')} />
              <Button
                icon={<ArrowDownOutlined />}
                disabled={i === options.length - 1}
                onClick={() => onMove(i, i + 1)}
                aria-label={t('formEditor.moveDown')}
              />
              <Button danger icon={<DeleteOutlined />} onClick={() => onRemove(i)} aria-label={t('formEditor.removeOption')} />
            </Space.Compact>
            <LocalizedInput
              value={o.label}
              onChange={(label) => onChange(i, { label })}
              missing={mine.filter((x) => x.code === 'option_label_missing').map((x) => x.lang!)}
              testId={`option-${i}-label`}
            />
          </div>
        );
      })}
      <Button type="dashed" block icon={<PlusOutlined />} onClick={onAdd} data-testid="option-add">
        {t('formEditor.addOption')}
      </Button>
    </div>
  );
}

import { Segmented } from 'antd';
import type { FormRecord } from '../../api/types.ts';
import { useLabels } from '../../i18n/labels.ts';

interface Props {
  forms: FormRecord[];
  value: string | null;
  onChange: (type: string) => void;
}

/** Call type; the first nine types answer to the digit keys (and Alt+digit). */
export function TypePicker({ forms, value, onChange }: Props) {
  const labels = useLabels();
  return (
    <div data-testid="type-picker">
      <Segmented
        value={value ?? ''}
        onChange={(v) => onChange(String(v))}
        options={forms.map((f, i) => ({
          value: f.type,
          label: (
            <span data-testid={`type-${f.type}`}>
              {labels.type(f.type, f.definition.name)}
              {i < 9 ? <span className="kefu-kbd">{i + 1}</span> : null}
            </span>
          ),
        }))}
      />
    </div>
  );
}

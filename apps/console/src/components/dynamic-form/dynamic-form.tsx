import { Col, Descriptions, Form, Row } from 'antd';
import { isSectionVisible, type FieldDef, type FormDefinition, type SectionDef } from '@kefu/shared/forms';
import { useLabels } from '../../i18n/labels.ts';
import { FieldInput } from './field-input.tsx';
import { FieldValue } from './field-value.tsx';
import type { FieldErrors, FieldValues } from './form-values.ts';

interface Props {
  def: FormDefinition;
  values: FieldValues;
  onChange?: (values: FieldValues) => void;
  errors?: FieldErrors;
  readOnly?: boolean;
}

const wide = (f: FieldDef) => f.type === 'textarea' || f.type === 'multiselect';

/**
 * Renders a form definition section by section. A section with `when` shows
 * only while its controlling field has one of the listed values.
 */
export function DynamicForm({ def, values, onChange, errors = {}, readOnly }: Props) {
  const labels = useLabels();
  const set = (key: string, v: unknown) => {
    const next = { ...values };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange?.(next);
  };
  return (
    <Form layout="vertical" component={false}>
      {def.sections
        .filter((s) => isSectionVisible(s, values))
        .map((section) => (
          <div
            key={section.key}
            className={section.when ? 'kefu-section-conditional' : undefined}
            data-testid={`section-${section.key}`}
          >
            <div className="kefu-section-title">{labels.pick(section.title)}</div>
            {readOnly ? (
              <SectionView section={section} values={values} />
            ) : (
              <SectionEditor section={section} values={values} errors={errors} onField={set} />
            )}
          </div>
        ))}
    </Form>
  );
}

function SectionView({ section, values }: { section: SectionDef; values: FieldValues }) {
  const labels = useLabels();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      style={{ marginBottom: 12 }}
      styles={{ label: { width: 140 } }}
      items={section.fields.map((f) => ({
        key: f.key,
        label: labels.pick(f.label),
        span: wide(f) ? 'filled' : 1,
        children: (
          <div data-testid={`field-${f.key}`}>
            <FieldValue field={f} value={values[f.key]} />
          </div>
        ),
      }))}
    />
  );
}

interface EditorProps {
  section: SectionDef;
  values: FieldValues;
  errors: FieldErrors;
  onField: (key: string, v: unknown) => void;
}

function SectionEditor({ section, values, errors, onField }: EditorProps) {
  const labels = useLabels();
  return (
    <Row gutter={16}>
      {section.fields.map((f) => (
        <Col key={f.key} xs={24} md={wide(f) ? 24 : 12} xl={wide(f) ? 16 : 8}>
          <Form.Item
            label={labels.pick(f.label)}
            required={f.required}
            validateStatus={errors[f.key] ? 'error' : undefined}
            help={errors[f.key]}
            extra={f.help ? labels.pick(f.help) : undefined}
            htmlFor={`field-input-${f.key}`}
            style={{ marginBottom: 12 }}
          >
            <div data-testid={`field-${f.key}`}>
              <FieldInput
                field={f}
                value={values[f.key]}
                status={errors[f.key] ? 'error' : undefined}
                onChange={(v) => onField(f.key, v)}
              />
            </div>
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

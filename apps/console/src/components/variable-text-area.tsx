import { useRef } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { insertVariable } from '../utils/variable-text.ts';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  /** the variables offered, and their names in words */
  variables: readonly string[];
  labelOf: (variable: string) => string;
  /** "插入变量:" */
  label: string;
  rows?: number;
  maxLength?: number;
  testId?: string;
}

/** A textarea with one button per variable; a button puts {variable} where the cursor is (a form control). */
export function VariableTextArea({ value = '', onChange, variables, labelOf, label, rows = 4, maxLength, testId }: Props) {
  const ref = useRef<TextAreaRef>(null);
  // where the cursor was when the textarea lost focus to a button
  const caret = useRef<{ start: number; end: number } | null>(null);

  const insert = (v: string) => {
    const el = ref.current?.resizableTextArea?.textArea;
    const at = caret.current ?? { start: value.length, end: value.length };
    const next = insertVariable(value, at.start, at.end, v);
    onChange?.(next.text);
    caret.current = { start: next.caret, end: next.caret };
    // after React has put the new text in, put the cursor behind the variable
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const remember = () => {
    const el = ref.current?.resizableTextArea?.textArea;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };

  return (
    <div>
      <Space size={[4, 4]} wrap style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        {variables.map((v) => (
          <Button
            key={v}
            size="small"
            // keep the textarea's selection: the button must not take the focus on mouse down
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => insert(v)}
            title={`{${v}}`}
            data-testid={`insert-${v}`}
          >
            {labelOf(v)}
          </Button>
        ))}
      </Space>
      <Input.TextArea
        ref={ref}
        value={value}
        rows={rows}
        maxLength={maxLength}
        showCount={!!maxLength}
        onChange={(e) => {
          onChange?.(e.target.value);
          caret.current = { start: e.target.selectionStart, end: e.target.selectionEnd };
        }}
        onSelect={remember}
        onBlur={remember}
        data-testid={testId}
      />
    </div>
  );
}

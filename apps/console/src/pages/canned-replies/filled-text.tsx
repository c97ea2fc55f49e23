import { Typography } from 'antd';
import { CANNED_VARIABLES, fillVariables, type CannedVariables } from '@kefu/shared/knowledge-api';
import { variableParts } from '../../utils/variable-text.ts';

/** A canned reply with its variables filled in and marked; an unknown variable shows red, as it would be sent. */
export function FilledText({ text, values }: { text: string; values: CannedVariables }) {
  const known = CANNED_VARIABLES as readonly string[];
  return (
    <span className="kefu-canned-filled">
      {variableParts(text).map((p, i) =>
        p.variable === undefined ? (
          <span key={i}>{p.text}</span>
        ) : known.includes(p.variable) ? (
          <mark key={i} className="kefu-canned-var" title={p.text}>
            {fillVariables(p.text, values) || p.text}
          </mark>
        ) : (
          <Typography.Text key={i} type="danger">
            {p.text}
          </Typography.Text>
        ),
      )}
    </span>
  );
}

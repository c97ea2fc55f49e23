import { Alert, Card, Space, Tag, Typography } from 'antd';
import { SATISFACTION, SCRIPT_VARIABLES, fillScript } from '@kefu/shared/callbacks';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { BRANCH_COLORS } from './branch-panels.tsx';
import { unknownVariables, type ScriptValues, type ScriptVariable } from './script-model.ts';
import { variableParts } from '../../../utils/variable-text.ts';

export type SampleVars = Record<ScriptVariable, string>;

/** Text with its variables filled in; a filled value is marked, an unknown variable shows red as the agent would read it. */
function Filled({ text, vars }: { text: string; vars: SampleVars }) {
  const known = SCRIPT_VARIABLES as readonly string[];
  return (
    <>
      {variableParts(text).map((p, i) =>
        p.variable === undefined ? (
          <span key={i}>{p.text}</span>
        ) : known.includes(p.variable) ? (
          <mark key={i} style={{ background: '#e6f4ff', padding: '0 2px', borderRadius: 2 }} title={p.text}>
            {fillScript(p.text, vars)}
          </mark>
        ) : (
          <Typography.Text key={i} type="danger">
            {p.text}
          </Typography.Text>
        ),
      )}
    </>
  );
}

/** The script as the agent will see it on the callback screen, with sample values. */
export function ScriptPreview({ values, vars }: { values: ScriptValues | undefined; vars: SampleVars }) {
  const t = useT();
  const v = values;
  const texts = [v?.opening ?? '', ...(v?.questions ?? []).map((q) => q?.text ?? ''), ...SATISFACTION.flatMap((s) => [v?.branches?.[s]?.prompt ?? '', v?.branches?.[s]?.closing ?? ''])];
  const unknown = [...new Set(texts.flatMap(unknownVariables))];
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('cbScript.preview')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('cbScript.previewHint')}
          </Typography.Text>
        </Space>
      }
      data-testid="script-preview"
    >
      {unknown.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('cbScript.unknownVars', { list: unknown.map((x) => `{${x}}`).join(' ') })} />
      ) : null}
      <Typography.Text type="secondary">{t('cbScript.opening')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-opening">
        <Filled text={v?.opening ?? ''} vars={vars} />
      </Typography.Paragraph>
      {v?.questions?.length ? (
        <>
          <Typography.Text type="secondary">{t('cbScript.questions')}</Typography.Text>
          <ol style={{ paddingLeft: 20, marginTop: 4 }}>
            {v.questions.map((q, i) => (
              <li key={i} style={{ marginBottom: 4 }}>
                <Filled text={q?.text ?? ''} vars={vars} />
                <div>
                  {q?.kind === 'choice' ? (
                    <Space size={[4, 4]} wrap>
                      {(q.options ?? []).map((o) => (
                        <Tag key={o}>{o}</Tag>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(q?.kind === 'yes_no' ? 'cbScript.answer.yes_no' : 'cbScript.answer.text')}
                    </Typography.Text>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {SATISFACTION.map((s) => {
        const b = v?.branches?.[s];
        return (
          <div key={s} style={{ borderLeft: `3px solid ${BRANCH_COLORS[s]}`, paddingLeft: 8, marginBottom: 10 }} data-testid={`preview-${s}`}>
            <Space size={4}>
              <Typography.Text strong style={{ color: BRANCH_COLORS[s] }}>
                {t(`cbScript.branch.${s}`)}
              </Typography.Text>
              {b?.followUp ? <Tag>{t(`cbScript.followUp.${b.followUp}`)}</Tag> : null}
            </Space>
            {b?.prompt ? (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                <Typography.Text type="secondary">{t('cbScript.prompt')}: </Typography.Text>
                <Filled text={b.prompt} vars={vars} />
              </div>
            ) : null}
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">{t('cbScript.closing')}: </Typography.Text>
              <Filled text={b?.closing ?? ''} vars={vars} />
            </div>
          </div>
        );
      })}
    </Card>
  );
}

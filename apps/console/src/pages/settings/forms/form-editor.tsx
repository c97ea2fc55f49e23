import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Popconfirm, Segmented, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { FieldDef, FormDefinition } from '@kefu/shared/forms';
import { api } from '../../../api/client.ts';
import type { FormRecord } from '../../../api/types.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { LocalizedInput } from './localized-input.tsx';
import { SectionCard } from './section-card.tsx';
import { FieldDrawer } from './field-drawer.tsx';
import { FormPreview } from './form-preview.tsx';
import {
  addOption,
  addSection,
  allKeys,
  keyFromLabel,
  moveOption,
  publishedKeys,
  removeOption,
  toDefinition,
  uniqueKey,
  updateField,
  updateOption,
  type FormDraft,
} from './form-draft.ts';
import { draftIssues, issueText, issuesAt } from './form-draft-issues.ts';

interface Props {
  form: FormRecord;
  onClose: () => void;
  onPublished: (form: FormRecord) => void;
}

/**
 * Edits a copy of a form definition and publishes it as the next version
 * (PUT /forms/:type). Work orders keep the version they were filled on, so
 * published keys and option values are locked: renaming them would orphan
 * what those work orders stored.
 */
export function FormEditor({ form, onClose, onPublished }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<FormDraft>(form.definition);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [editing, setEditing] = useState<{ si: number; fi: number } | null>(null);
  // a new field's key follows its English label until the manager types one
  const [typedKeys, setTypedKeys] = useState<Set<string>>(new Set());
  const [publishing, setPublishing] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const [tried, setTried] = useState(false);

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const locked = useMemo(() => publishedKeys(form.definition), [form.definition]);
  const lockedSections = useMemo(() => new Set(form.definition.sections.map((s) => s.key)), [form.definition]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(form.definition);
  const field: FieldDef | null = editing ? draft.sections[editing.si]?.fields[editing.fi] ?? null : null;
  const publishedField = field ? form.definition.sections.flatMap((s) => s.fields).find((f) => f.key === field.key && locked.has(f.key)) : undefined;
  const pick = (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);

  const publish = async () => {
    setTried(true);
    if (issues.length) return;
    setPublishing(true);
    setServerError(null);
    try {
      const saved = await api.put<FormRecord>(`/forms/${form.type}`, toDefinition(draft) satisfies FormDefinition, { silent: true });
      void message.success(t('formEditor.published', { version: saved.version }));
      onPublished(saved);
    } catch (e) {
      setServerError(serverErrorOf(e));
    } finally {
      setPublishing(false);
    }
  };

  const editField = (patch: Partial<FieldDef>) => {
    if (!editing) return;
    if (patch.key !== undefined) setTypedKeys((keys) => new Set(keys).add(patch.key!));
    setDraft((d) => updateField(d, editing.si, editing.fi, patch));
  };
  const editLabel = (label: FieldDef['label']) => {
    if (!editing || !field) return;
    const follows = !locked.has(field.key) && !typedKeys.has(field.key);
    const others = new Set([...allKeys(draft)].filter((k) => k !== field.key));
    const derived = follows ? keyFromLabel(label.en) : '';
    setDraft((d) => updateField(d, editing.si, editing.fi, derived ? { label, key: uniqueKey(derived, others) } : { label }));
  };

  return (
    <div data-testid="form-editor">
      <div className="kefu-page-title">
        <Segmented<'edit' | 'preview'>
          value={mode}
          onChange={setMode}
          options={[
            { value: 'edit', label: <span data-testid="form-mode-edit">{t('formEditor.tab.edit')}</span> },
            { value: 'preview', label: <span data-testid="form-mode-preview">{t('formEditor.tab.preview')}</span> },
          ]}
        />
        <Space wrap>
          <Popconfirm title={t('formEditor.discardConfirm')} disabled={!dirty} onConfirm={onClose} okText={t('formEditor.discard')} cancelText={t('common.cancel')}>
            <Button onClick={dirty ? undefined : onClose} data-testid="form-discard">
              {t('formEditor.discard')}
            </Button>
          </Popconfirm>
          <Button type="primary" loading={publishing} disabled={!dirty} onClick={() => void publish()} data-testid="form-publish">
            {t('formEditor.publish', { version: form.version + 1 })}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('formEditor.versionNote')}</Typography.Paragraph>
      <ServerErrorAlert error={serverError} pathLabel={(p) => p} testId="form-server-error" />
      {tried && issues.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('formEditor.issuesTitle', { n: issues.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i, n) => (
                <li key={n}>{issueText(t, draft, i, pick)}</li>
              ))}
            </ul>
          }
          data-testid="form-issues"
        />
      ) : null}
      {mode === 'preview' ? (
        <FormPreview def={toDefinition(draft)} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Form layout="vertical" component={false}>
              <Form.Item label={t('formEditor.name')} required style={{ marginBottom: 0 }}>
                <LocalizedInput
                  value={draft.name}
                  onChange={(name) => setDraft((d) => ({ ...d, name }))}
                  missing={issues.filter((i) => i.code === 'name_missing').map((i) => i.lang!)}
                  testId="form-name"
                />
              </Form.Item>
            </Form>
          </Card>
          {draft.sections.map((s, si) => (
            <SectionCard
              key={si}
              draft={draft}
              si={si}
              issues={tried ? issues : issues.filter((i) => i.code !== 'section_empty')}
              lockedSectionKeys={lockedSections}
              onDraft={setDraft}
              onEditField={(sIdx, fIdx) => setEditing({ si: sIdx, fi: fIdx })}
            />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setDraft(addSection)} data-testid="form-add-section">
            {t('formEditor.addSection')}
          </Button>
        </>
      )}
      <FieldDrawer
        field={field}
        issues={editing ? issuesAt(issues, { section: editing.si, field: editing.fi }) : []}
        keyLocked={!!field && locked.has(field.key) && !!publishedField}
        lockedValues={new Set(publishedField?.options?.map((o) => o.value) ?? [])}
        onChange={editField}
        onLabel={editLabel}
        options={{
          add: () => editing && setDraft((d) => addOption(d, editing.si, editing.fi)),
          change: (oi, patch) => editing && setDraft((d) => updateOption(d, editing.si, editing.fi, oi, patch)),
          move: (from, to) => editing && setDraft((d) => moveOption(d, editing.si, editing.fi, from, to)),
          remove: (oi) => editing && setDraft((d) => removeOption(d, editing.si, editing.fi, oi)),
        }}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

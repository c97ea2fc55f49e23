import { Button, Card, Dropdown, Empty, Form, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { ConditionEditor } from './condition-editor.tsx';
import { LocalizedInput } from './localized-input.tsx';
import {
  addField,
  conditionFields,
  moveField,
  moveFieldToSection,
  moveSection,
  removeField,
  removeSection,
  setCondition,
  updateSection,
  type FormDraft,
} from './form-draft.ts';
import { issuesAt, type DraftIssue } from './form-draft-issues.ts';

interface Props {
  draft: FormDraft;
  si: number;
  issues: DraftIssue[];
  /** section keys of the published version stay as they are */
  lockedSectionKeys: Set<string>;
  onDraft: (next: FormDraft) => void;
  onEditField: (si: number, fi: number) => void;
}

const CONDITION_CODES: DraftIssue['code'][] = [
  'condition_field_unknown',
  'condition_field_not_before',
  'condition_field_type',
  'condition_values_empty',
  'condition_value_unknown',
];

/** One section of the form being edited: its title, key, condition and fields in order. */
export function SectionCard({ draft, si, issues, lockedSectionKeys, onDraft, onEditField }: Props) {
  const t = useT();
  const labels = useLabels();
  const section = draft.sections[si];
  const mine = issuesAt(issues, { section: si }).filter((i) => i.field === undefined);
  const last = draft.sections.length - 1;
  return (
    <Card
      size="small"
      className={section.when ? 'kefu-section-conditional' : undefined}
      style={{ marginBottom: 12 }}
      data-testid={`edit-section-${si}`}
      title={
        <span>
          {labels.pick(section.title) || t('formEditor.sectionN', { n: si + 1 })}{' '}
          <Typography.Text type="secondary" code>{section.key}</Typography.Text>
        </span>
      }
      extra={
        <Space size={0}>
          <Tooltip title={t('formEditor.moveUp')}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={si === 0} onClick={() => onDraft(moveSection(draft, si, si - 1))} aria-label={t('formEditor.moveUp')} data-testid="section-up" />
          </Tooltip>
          <Tooltip title={t('formEditor.moveDown')}>
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={si === last} onClick={() => onDraft(moveSection(draft, si, si + 1))} aria-label={t('formEditor.moveDown')} data-testid="section-down" />
          </Tooltip>
          <Popconfirm title={t('formEditor.removeSectionConfirm')} onConfirm={() => onDraft(removeSection(draft, si))} okButtonProps={{ danger: true }} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('formEditor.removeSection')} data-testid="section-remove" />
          </Popconfirm>
        </Space>
      }
    >
      <Form layout="vertical" component={false}>
        <Form.Item label={t('formEditor.sectionTitle')} required style={{ marginBottom: 8 }}>
          <LocalizedInput
            value={section.title}
            onChange={(title) => onDraft(updateSection(draft, si, { title }))}
            missing={mine.filter((i) => i.code === 'section_title_missing').map((i) => i.lang!)}
            testId={`section-${si}-title`}
          />
        </Form.Item>
        {lockedSectionKeys.has(section.key) ? null : (
          <Form.Item
            label={t('formEditor.sectionKey')}
            extra={t('formEditor.keyHint')}
            validateStatus={mine.some((i) => i.code.startsWith('section_key')) ? 'error' : undefined}
            style={{ marginBottom: 8 }}
          >
            <Input value={section.key} onChange={(e) => onDraft(updateSection(draft, si, { key: e.target.value }))} data-testid={`section-${si}-key`} />
          </Form.Item>
        )}
        <Form.Item label={t('formEditor.condition')} style={{ marginBottom: 8 }}>
          <ConditionEditor
            when={section.when}
            candidates={conditionFields(draft, si)}
            invalid={mine.some((i) => CONDITION_CODES.includes(i.code))}
            onChange={(when) => onDraft(setCondition(draft, si, when))}
            testId={`section-${si}-condition`}
          />
        </Form.Item>
      </Form>
      {section.fields.length ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('formEditor.noFields')} />}
      {section.fields.map((f, fi) => {
        const fieldIssues = issuesAt(issues, { section: si, field: fi });
        const others = draft.sections.map((s, i) => ({ s, i })).filter(({ i }) => i !== si);
        return (
          <div key={`${f.key}-${fi}`} className={fieldIssues.length ? 'kefu-field-row has-issue' : 'kefu-field-row'} data-testid={`field-row-${f.key}`}>
            <div className="kefu-field-row-main">
              <Typography.Text strong>{labels.pick(f.label) || t('formEditor.untitled')}</Typography.Text>{' '}
              <Typography.Text type="secondary" code>{f.key}</Typography.Text>
              <div>
                <Tag>{t(`forms.fieldTypes.${f.type}`)}</Tag>
                {f.required ? <Tag color="red">{t('formEditor.required')}</Tag> : null}
                {f.options ? <Typography.Text type="secondary">{f.options.map((o) => labels.pick(o.label) || o.value).join(' / ')}</Typography.Text> : null}
              </div>
            </div>
            <Space size={0}>
              <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={fi === 0} onClick={() => onDraft(moveField(draft, si, fi, fi - 1))} aria-label={t('formEditor.moveUp')} data-testid="field-up" />
              <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={fi === section.fields.length - 1} onClick={() => onDraft(moveField(draft, si, fi, fi + 1))} aria-label={t('formEditor.moveDown')} data-testid="field-down" />
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEditField(si, fi)} data-testid="field-edit">
                {t('common.edit')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    ...(others.length
                      ? [{
                          key: 'move',
                          label: t('formEditor.moveToSection'),
                          children: others.map(({ s, i }) => ({ key: `move-${i}`, label: labels.pick(s.title) || t('formEditor.sectionN', { n: i + 1 }) })),
                        }]
                      : []),
                    { key: 'remove', danger: true, icon: <DeleteOutlined />, label: t('formEditor.removeField') },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'remove') onDraft(removeField(draft, si, fi));
                    else if (key.startsWith('move-')) onDraft(moveFieldToSection(draft, si, fi, Number(key.slice(5))));
                  },
                }}
              >
                <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="field-more" />
              </Dropdown>
            </Space>
          </div>
        );
      })}
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => {
          const added = addField(draft, si);
          onDraft(added.draft);
          onEditField(si, added.draft.sections[si].fields.length - 1);
        }}
        data-testid={`section-${si}-add-field`}
      >
        {t('formEditor.addField')}
      </Button>
    </Card>
  );
}

import { useMemo } from 'react';
import { Select } from 'antd';
import { allFields } from '@kefu/shared/forms';
import { useDirectory, useForms, usePositions } from '../../../api/shared-data.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { positionLabel, useRuleLookups } from './use-rule-lookups.ts';
import { decodeRecipient, recipientLabel } from './recipient-model.ts';

interface Props {
  multiple?: boolean;
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  status?: 'error';
  'data-testid'?: string;
}

/**
 * Who an action means, in one searchable select: the current assignee or
 * watchers, a position, a person, a team, or the staff member whose job number
 * a form field holds. Values are encoded recipients (see encodeRecipient).
 */
export function RecipientSelect({ multiple, value, onChange, status, ...rest }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const labels = useLabels();
  const directory = useDirectory();
  const positions = usePositions();
  const forms = useForms();
  const { lk } = useRuleLookups();

  const options = useMemo(() => {
    const textFields = new Map<string, string>();
    const jobNumberFields = new Set<string>();
    for (const f of forms ?? []) {
      for (const field of allFields(f.definition)) {
        if (field.type !== 'text') continue;
        if (!textFields.has(field.key)) textFields.set(field.key, labels.pick(field.label));
        // fields that hold a staff member's job number (工号): offered for "their superior"
        if (field.label.zh.includes('工号') || /job ?number/i.test(field.label.en)) jobNumberFields.add(field.key);
      }
    }
    return [
      {
        label: t('rule.recipient.groupDynamic'),
        title: 'dynamic',
        options: [
          { value: 'assignee', label: t('rule.recipient.assignee') },
          { value: 'watchers', label: t('rule.recipient.watchers') },
        ],
      },
      {
        label: t('rule.recipient.groupPosition'),
        title: 'position',
        options: (positions ?? []).map((p) => ({ value: `position:${p.key}`, label: t('rule.recipient.positionNamed', { name: positionLabel(p, locale) }) })),
      },
      {
        label: t('rule.recipient.groupUser'),
        title: 'user',
        options: (directory?.users ?? []).map((u) => ({ value: `user:${u.id}`, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName })),
      },
      {
        label: t('rule.recipient.groupTeam'),
        title: 'team',
        options: (directory?.teams ?? []).map((x) => ({ value: `team:${x.id}`, label: t('rule.recipient.teamNamed', { name: x.name }) })),
      },
      {
        label: t('rule.recipient.groupField'),
        title: 'field',
        options: [...textFields.entries()].map(([key, label]) => ({ value: `field:${key}`, label: t('rule.recipient.fieldNamed', { field: `${label} (${key})` }) })),
      },
      {
        label: t('rule.recipient.groupSuperior'),
        title: 'superior',
        options: [...jobNumberFields].flatMap((key) =>
          (positions ?? []).map((p) => ({
            value: `superior:${key}:${p.key}`,
            label: t('rule.recipient.superiorNamed', { field: `${textFields.get(key)} (${key})`, position: positionLabel(p, locale) }),
          })),
        ),
      },
    ].filter((g) => g.options.length > 0);
  }, [t, locale, labels, directory, positions, forms]);

  // a value that matches no option (a removed position, a kind not offered here) stays visible
  const known = new Set(options.flatMap((g) => g.options.map((o) => o.value)));
  const current = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const missing = current.filter((v) => !known.has(v));
  const unknown = missing.map((v) => {
    const r = decodeRecipient(v);
    return { value: v, label: r ? recipientLabel(r, lk) : v };
  });
  const all = unknown.length ? [...options, { label: '?', title: 'unknown', options: unknown }] : options;

  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={multiple}
      placeholder={t('rule.recipient.placeholder')}
      value={value}
      onChange={onChange}
      options={all}
      status={status}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

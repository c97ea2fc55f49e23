import { Checkbox, Space, Typography } from 'antd';
import { useLabels } from '../../../i18n/labels.ts';

interface Props {
  all: string[];
  value?: string[];
  onChange?: (v: string[]) => void;
}

/** Permissions grouped by their prefix (ticket:, customer:, ...), each group checkable at once. */
export function PermissionCheckboxes({ all, value = [], onChange }: Props) {
  const labels = useLabels();
  const groups = new Map<string, string[]>();
  for (const p of all) {
    const g = p.split(':')[0];
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  const set = (group: string[], checked: string[]) => {
    onChange?.([...value.filter((v) => !group.includes(v)), ...checked]);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="permission-checkboxes">
      {[...groups].map(([g, perms]) => {
        const chosen = perms.filter((p) => value.includes(p));
        return (
          <div key={g} style={{ display: 'flex', gap: 12 }}>
            <Checkbox
              style={{ width: 110, flex: 'none' }}
              checked={chosen.length === perms.length}
              indeterminate={chosen.length > 0 && chosen.length < perms.length}
              onChange={(e) => set(perms, e.target.checked ? perms : [])}
            >
              <Typography.Text strong>{labels.permissionGroup(g)}</Typography.Text>
            </Checkbox>
            <Checkbox.Group
              value={chosen}
              onChange={(v) => set(perms, v as string[])}
              options={perms.map((p) => ({ value: p, label: labels.permission(p) }))}
            />
          </div>
        );
      })}
    </Space>
  );
}

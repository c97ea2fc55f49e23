import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useKbCategories } from '../../api/shared-data.ts';
import { categoryTree, possibleParents } from './kb-model.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
  /** a category being moved: it and the ones below it are not offered */
  exclude?: string | null;
}

/** A category of the knowledge base, picked from the tree (a form control). */
export function CategorySelect({ value, onChange, placeholder, style, testId, exclude = null }: Props) {
  const cats = useKbCategories();
  const tree = useMemo(() => categoryTree(possibleParents(cats ?? [], exclude)), [cats, exclude]);
  return (
    <TreeSelect
      allowClear
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      style={style}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={tree}
      loading={!cats}
      data-testid={testId}
    />
  );
}

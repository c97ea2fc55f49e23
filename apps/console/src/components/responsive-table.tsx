import type { Key, ReactNode } from 'react';
import { Checkbox, Spin, Table, type TableColumnType, type TableProps } from 'antd';
import { usePhoneLayout } from '../hooks/use-media-query.ts';

type Props<T> = TableProps<T> & { 'data-testid'?: string };

function cellValue<T>(record: T, dataIndex: TableColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], record);
}

/**
 * A table on a desk; on a phone each row becomes a small card that lists its
 * columns as "title: value" one under the other, rendered by the same column
 * renderers (so links, tags and test ids stay the same).
 */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const phone = usePhoneLayout();
  if (!phone) return <Table<T> {...props} />;
  const { columns = [], dataSource = [], rowKey, loading, locale, rowSelection } = props;
  const keyOf = (r: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(r, i) : rowKey ? (r[rowKey as keyof T] as Key) : i;
  const leafColumns = columns.filter((c): c is TableColumnType<T> => !('children' in c));
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;
  return (
    <Spin spinning={spinning}>
      <div className="kefu-stacked-list" data-testid={props['data-testid']}>
        {dataSource.length === 0 && !spinning ? <div className="kefu-stacked-empty">{locale?.emptyText as ReactNode}</div> : null}
        {dataSource.map((record, i) => (
          <div className="kefu-stacked-row" key={keyOf(record, i)}>
            {rowSelection ? <StackedSelect record={record} rowKey={keyOf(record, i)} dataSource={dataSource} keyOf={keyOf} selection={rowSelection} /> : null}
            {leafColumns.map((c, ci) => {
              const value = cellValue(record, c.dataIndex);
              const rendered = c.render ? c.render(value, record, i) : (value as ReactNode);
              if (rendered === null || rendered === undefined || rendered === '') return null;
              return (
                <div className="kefu-stacked-cell" key={String(c.key ?? c.dataIndex ?? ci)}>
                  <span className="kefu-stacked-title">{typeof c.title === 'function' ? null : c.title}</span>
                  <span className="kefu-stacked-value">{rendered as ReactNode}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Spin>
  );
}

/** A picked-or-not box on a stacked row (the table's row selection, on a phone). */
function StackedSelect<T>({ record, rowKey, dataSource, keyOf, selection }: {
  record: T; rowKey: Key; dataSource: readonly T[]; keyOf: (r: T, i: number) => Key; selection: NonNullable<TableProps<T>['rowSelection']>;
}) {
  const picked = selection.selectedRowKeys ?? [];
  const on = picked.includes(rowKey);
  const toggle = () => {
    const keys = on ? picked.filter((k) => k !== rowKey) : [...picked, rowKey];
    const rows = dataSource.filter((r, i) => keys.includes(keyOf(r, i)));
    selection.onChange?.(keys, rows as T[], { type: 'single' });
  };
  return <div className="kefu-stacked-cell"><Checkbox checked={on} onChange={toggle} aria-label={String(record && rowKey)} /></div>;
}

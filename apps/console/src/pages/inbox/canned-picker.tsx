import { useEffect, useRef } from 'react';
import { Spin, Typography } from 'antd';
import { fillVariables, type CannedReply, type CannedVariables } from '@kefu/shared/knowledge-api';
import { useT } from '../../i18n/i18n-provider.tsx';

export const PICKER_ID = 'kefu-canned-picker';
export const optionId = (i: number) => `${PICKER_ID}-${i}`;

interface Props {
  query: string;
  items: CannedReply[];
  loading: boolean;
  active: number;
  values: CannedVariables;
  onPick: (c: CannedReply) => void;
  onHover: (i: number) => void;
}

/**
 * The canned replies matching what follows `/`, above the composer. The
 * textarea keeps the focus (arrow keys, Enter, Esc are handled there); a
 * click picks too.
 */
export function CannedPicker({ query, items, loading, active, values, onPick, onHover }: Props) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, items]);
  return (
    <div className="kefu-canned-picker" data-testid="canned-picker">
      <div className="kefu-canned-picker-head">
        <Typography.Text type="secondary">{t('composer.canned.title')}</Typography.Text>
        <Typography.Text type="secondary" className="kefu-canned-picker-keys">
          {t('composer.canned.keys')}
        </Typography.Text>
      </div>
      <div ref={list} id={PICKER_ID} role="listbox" aria-label={t('composer.canned.title')} className="kefu-canned-picker-list">
        {loading && !items.length ? (
          <div className="kefu-canned-picker-empty">
            <Spin size="small" />
          </div>
        ) : !items.length ? (
          <div className="kefu-canned-picker-empty" data-testid="canned-picker-empty">
            {query ? t('composer.canned.none', { q: query }) : t('composer.canned.noneAtAll')}
          </div>
        ) : (
          items.map((c, i) => (
            <div
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'kefu-canned-option active' : 'kefu-canned-option'}
              // the textarea keeps the focus and the caret
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => onHover(i)}
              onClick={() => onPick(c)}
              data-testid="canned-option"
              data-shortcut={c.shortcut}
            >
              <div className="kefu-canned-option-top">
                <Typography.Text code>/{c.shortcut}</Typography.Text>
                <Typography.Text strong ellipsis>
                  {c.title}
                </Typography.Text>
                {c.teamName ? <span className="kefu-canned-option-team">{c.teamName}</span> : null}
              </div>
              <div className="kefu-canned-option-body">{fillVariables(c.body, values)}</div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

import { Card, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Wallboard } from '../../api/types.ts';
import { useForms } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';

interface Props {
  data: Wallboard | undefined;
  /** opens the at-risk or breached queue */
  onOpen: (tab: 'at_risk' | 'breached') => void;
  /** the chat cards (conversations waiting, the longest wait, first replies late today) */
  chats?: ReactNode;
}

/** The strip of live numbers at the top of the supervisor page. */
export function WallboardStrip({ data, onOpen, chats }: Props) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  const typeName = (type: string) => labels.type(type, forms?.find((f) => f.type === type)?.definition.name);
  const open = data ? data.open.new + data.open.open + data.open.pending : undefined;
  const num = (v: number | undefined) => (v === undefined ? '–' : v);
  return (
    <div className="kefu-wallboard" data-testid="wallboard">
      <Card size="small" className="kefu-wallboard-wide">
        <div className="kefu-wallboard-open">
          <Statistic title={t('wallboard.open')} value={num(open)} data-testid="wb-open" />
          <div className="kefu-wallboard-split">
            {(['new', 'open', 'pending'] as const).map((s) => (
              <Statistic key={s} title={labels.status(s)} value={num(data?.open[s])} styles={{ content: { fontSize: 18 } }} data-testid={`wb-open-${s}`} />
            ))}
          </div>
        </div>
      </Card>
      <Card size="small">
        <Statistic title={t('wallboard.createdToday')} value={num(data?.createdToday)} data-testid="wb-created" />
      </Card>
      <Card size="small">
        <Statistic title={t('wallboard.resolvedToday')} value={num(data?.resolvedToday)} data-testid="wb-resolved" />
      </Card>
      <Card size="small" hoverable onClick={() => onOpen('at_risk')} data-testid="wb-at-risk-card">
        <Statistic
          title={t('wallboard.atRisk')}
          value={num(data?.atRisk)}
          styles={{ content: { color: data?.atRisk ? '#d46b08' : undefined } }}
          data-testid="wb-at-risk"
        />
      </Card>
      <Card size="small" hoverable onClick={() => onOpen('breached')} data-testid="wb-breached-card">
        <Statistic
          title={t('wallboard.breached')}
          value={num(data?.breached)}
          styles={{ content: { color: data?.breached ? '#cf1322' : undefined } }}
          data-testid="wb-breached"
        />
      </Card>
      {chats}
      <Card size="small" className="kefu-wallboard-wide">
        <Typography.Text type="secondary">{t('wallboard.openByType')}</Typography.Text>
        <div style={{ marginTop: 8 }} data-testid="wb-by-type">
          {data?.openByType.length ? (
            <Space size={[6, 6]} wrap>
              {data.openByType.map((x) => (
                <Tag key={x.type} color="geekblue" style={{ fontSize: 13, padding: '2px 8px' }}>
                  {typeName(x.type)} <b>{x.count}</b>
                </Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{data ? t('wallboard.none') : '–'}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}

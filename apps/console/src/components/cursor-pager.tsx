import { Button, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../i18n/i18n-provider.tsx';

interface Props {
  pageNumber: number;
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
}

/** Previous/Next over a cursor-paginated list (there is no total count). */
export function CursorPager({ pageNumber, hasPrev, hasNext, onPrev, onNext }: Props) {
  const t = useT();
  return (
    <div className="kefu-pager">
      <Typography.Text type="secondary">{t('pager.page', { n: pageNumber })}</Typography.Text>
      <Button size="small" icon={<LeftOutlined />} disabled={!hasPrev} onClick={onPrev} data-testid="pager-prev">
        {t('pager.prev')}
      </Button>
      <Button size="small" disabled={!hasNext} onClick={onNext} data-testid="pager-next">
        {t('pager.next')} <RightOutlined />
      </Button>
    </div>
  );
}

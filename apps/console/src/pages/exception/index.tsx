import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-provider.tsx';

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('exception.forbidden')}
      extra={<Link to="/"><Button type="primary">{t('exception.home')}</Button></Link>}
      data-testid="forbidden"
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('exception.notFound')}
      extra={<Link to="/"><Button type="primary">{t('exception.home')}</Button></Link>}
    />
  );
}

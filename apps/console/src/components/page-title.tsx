import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="kefu-page-title">
      <Typography.Title level={4}>{title}</Typography.Title>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}

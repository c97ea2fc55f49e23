import { useState } from 'react';
import { Button, Col, Row } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Specialist } from '@kefu/shared/customer-archive-api';
import type { ClassRules } from '@kefu/shared/customer-classes-api';
import { api } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SpecialistsCard } from './specialists-card.tsx';
import { PlanCard } from './plan-card.tsx';
import { FirstContactCard } from './first-contact-card.tsx';

/** 客户分配: specialists, the balanced assignment and the first-contact timers (CUS-02..04). */
export function CustomerAssignmentPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const picked = (params.get('ids') ?? '').split(',').filter(Boolean);
  const specialists = useRequest(() => api.get<{ items: Specialist[] }>('/customer-specialists').then((r) => r.items), []);
  const rules = useRequest(() => api.get<ClassRules>('/customer-classes'), []);
  const classKeys = rules.data ? [...rules.data.classes.map((c) => c.key), rules.data.fallback.key] : [];
  const [refreshKey, setRefreshKey] = useState(0);

  return (
    <div data-testid="customer-assignment">
      <PageTitle title={t('menu.customerAssignment')} extra={<Link to="/customers/changes"><Button>{t('menu.customerChanges')}</Button></Link>} />
      <SpecialistsCard items={specialists.data ?? []} classKeys={classKeys} onChange={specialists.setData} />
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <PlanCard specialists={specialists.data ?? []} classKeys={classKeys} pickedIds={picked} onApplied={() => {
            if (picked.length) setParams(new URLSearchParams(), { replace: true });
            void specialists.reload();
            setRefreshKey((k) => k + 1);
          }} />
        </Col>
        <Col xs={24} xl={10}>
          <FirstContactCard refreshKey={refreshKey} />
        </Col>
      </Row>
    </div>
  );
}

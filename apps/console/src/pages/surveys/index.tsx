import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { BarChartOutlined, BellOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { api, itemsOf } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { SurveyBuilder } from './survey-builder.tsx';
import { SendSurveyModal } from './send-survey-modal.tsx';
import { SurveyResults } from './survey-results.tsx';
import type { Survey } from './survey-types.ts';

/** 满意度调查 (SAT-01..07): questionnaires, sending them, reminding, and what came back. */
export function SurveysPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useRequest(() => api.get<{ items: Survey[] }>('/surveys').then(itemsOf), []);
  const [building, setBuilding] = useState(false);
  const [sending, setSending] = useState<Survey | null>(null);
  const [viewing, setViewing] = useState<Survey | null>(null);
  const [reminding, setReminding] = useState<string | null>(null);

  const remind = async (s: Survey) => {
    setReminding(s.id);
    try {
      const res = await api.post<{ reminded: number }>(`/surveys/${s.id}/remind`);
      void (res.reminded ? message.success(t('survey.reminded', { n: res.reminded })) : message.info(t('survey.nobodyToRemind')));
    } catch {
      // reported by the API client
    } finally {
      setReminding(null);
    }
  };

  const pct = (v: number | null) => (v === null ? '—' : `${v} %`);
  return (
    <div data-testid="surveys">
      <PageTitle
        title={t('menu.surveys')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setBuilding(true)} data-testid="survey-new">
              {t('survey.new')}
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <Table<Survey>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t('survey.none')} /> }}
          data-testid="survey-table"
          columns={[
            {
              title: t('survey.name'),
              dataIndex: 'name',
              render: (name: string, s) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link strong onClick={() => setViewing(s)}>
                    {name}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('survey.questionsCount', { n: s.questions.length })} · {formatDateTime(s.createdAt)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('survey.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (k: string) => (
                <Tooltip title={k === 'post_resolution' ? t('survey.kind.post_resolutionHint') : t('survey.kind.periodicHint')}>
                  <Tag color={k === 'post_resolution' ? 'cyan' : 'purple'}>{k === 'post_resolution' || k === 'periodic' ? t(`survey.kind.${k}`) : k}</Tag>
                </Tooltip>
              ),
            },
            { title: t('survey.scale'), dataIndex: 'scale', width: 80, render: (n: number) => t('survey.scaleN', { n }) },
            { title: t('survey.validDays'), dataIndex: 'validDays', width: 90, render: (n: number) => t('survey.daysN', { n }) },
            { title: t('survey.col.sent'), dataIndex: 'sent', width: 64, align: 'right' },
            { title: t('survey.col.answered'), dataIndex: 'answered', width: 88, align: 'right' },
            { title: t('survey.col.responseRate'), dataIndex: 'responseRatePct', width: 90, align: 'right', render: pct },
            {
              title: <Tooltip title={t('survey.scoreHint')}>{t('survey.col.score')}</Tooltip>,
              dataIndex: 'scorePct',
              width: 84,
              align: 'right',
              render: pct,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 236,
              render: (_, s) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" icon={<SendOutlined />} onClick={() => setSending(s)} data-testid="survey-send-open">
                    {t('survey.send')}
                  </Button>
                  <Popconfirm title={t('survey.remindConfirm')} onConfirm={() => remind(s)} disabled={!s.sent}>
                    <Button type="link" size="small" icon={<BellOutlined />} disabled={!s.sent} loading={reminding === s.id} data-testid="survey-remind">
                      {t('survey.remind')}
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" icon={<BarChartOutlined />} onClick={() => setViewing(s)} data-testid="survey-results-open">
                    {t('survey.results')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SurveyBuilder
        open={building}
        onClose={() => setBuilding(false)}
        onSaved={() => {
          setBuilding(false);
          void list.reload();
        }}
      />
      <SendSurveyModal
        survey={sending}
        onClose={() => setSending(null)}
        onSent={() => {
          setSending(null);
          void list.reload();
        }}
      />
      <SurveyResults survey={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}

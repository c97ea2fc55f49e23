import { useMemo, useState } from 'react';
import { Card, Col, Drawer, Empty, Row, Segmented, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { EChart, type ChartOption } from '../../components/charts/e-chart.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { ratingWord, ratingWordKey, WORD_COLORS } from '../public-survey/rating-scale.ts';
import { RatingFace } from '../public-survey/rating-face.tsx';
import { localized, type PublicQuestion } from '../public-survey/answer-model.ts';
import { commentsOf, ratingDistribution, type SurveyResponse } from './results-model.ts';
import { SurveyDeliveryTag } from './survey-delivery.tsx';
import type { Survey } from './survey-types.ts';

/** The newest this many invitations are read for the results (the API's maximum). */
const LIMIT = 500;


/** One questionnaire's results: response rate, how ratings spread, what customers wrote, each invitation. */
export function SurveyResults({ survey, onClose }: { survey: Survey | null; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const [show, setShow] = useState<'all' | 'answered' | 'unanswered'>('answered');
  const responses = useRequest(
    () => (survey ? api.get<{ items: SurveyResponse[] }>('/survey-responses', { surveyId: survey.id, limit: LIMIT }).then(itemsOf) : Promise.resolve([])),
    [survey?.id],
  );
  const items = responses.data ?? [];
  const scale = survey?.scale ?? 5;
  const distribution = useMemo(() => ratingDistribution(items, scale), [items, scale]);
  const comments = useMemo(() => commentsOf(items), [items]);
  const questions = (survey?.questions ?? []) as PublicQuestion[];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: distribution.map((d) => t(ratingWordKey(d.word))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: distribution.map((d) => ({ value: d.count, itemStyle: { color: WORD_COLORS[d.word] } })),
        },
      ],
    }),
    [distribution, t],
  );
  const shown = items.filter((r) => (show === 'all' ? true : show === 'answered' ? !!r.answeredAt : !r.answeredAt));
  const ratingTag = (r: SurveyResponse) => {
    const w = r.rating !== null ? ratingWord(r.scale, r.rating) : null;
    return w ? (
      <Tag color={WORD_COLORS[w]}>{t(ratingWordKey(w))}</Tag>
    ) : (
      '—'
    );
  };
  const answerText = (q: PublicQuestion, v: number | string | undefined) => {
    if (v === undefined || v === '') return '—';
    if (q.kind === 'choice' && typeof v === 'number') return localized(q.options?.[v], locale) || String(v);
    if (q.kind === 'rating' && typeof v === 'number') {
      const w = ratingWord(scale, v);
      return w ? t(ratingWordKey(w)) : String(v);
    }
    return String(v);
  };

  return (
    <Drawer open={!!survey} size={1000} title={survey ? t('survey.resultsTitle', { name: survey.name }) : ''} onClose={onClose} destroyOnHidden data-testid="survey-results">
      {survey ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('survey.col.sent')} value={survey.sent} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('survey.col.answered')} value={survey.answered} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('survey.col.responseRate')} value={survey.responseRatePct ?? '—'} suffix={survey.responseRatePct !== null ? '%' : undefined} data-testid="results-rate" />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Tooltip title={t('survey.scoreHint')}>
                  <Statistic title={t('survey.col.score')} value={survey.scorePct ?? '—'} suffix={survey.scorePct !== null ? '%' : undefined} />
                </Tooltip>
              </Card>
            </Col>
          </Row>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={14}>
              <Card size="small" title={t('survey.distribution')} loading={responses.loading}>
                {distribution.some((d) => d.count) ? <EChart option={option} height={240} data-testid="results-distribution" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.noAnswers')} />}
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title={t('survey.comments', { n: comments.length })} loading={responses.loading} styles={{ body: { maxHeight: 240, overflow: 'auto' } }}>
                {comments.length ? (
                  <div data-testid="results-comments">
                    {comments.map((r) => (
                      <div key={r.id} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
                        <div>{r.comment}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.customerName} · {formatDateTime(r.answeredAt)} · {ratingTag(r)}
                        </Typography.Text>
                      </div>
                    ))}
                  </div>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.noComments')} />
                )}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('survey.responses')}
            extra={
              <Segmented
                size="small"
                value={show}
                onChange={(v) => setShow(v as typeof show)}
                options={(['answered', 'unanswered', 'all'] as const).map((k) => ({ value: k, label: t(`survey.show.${k}`) }))}
                data-testid="results-filter"
              />
            }
          >
            <Table<SurveyResponse>
              size="small"
              rowKey="id"
              loading={responses.loading}
              dataSource={shown}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="results-table"
              expandable={
                questions.length
                  ? {
                      rowExpandable: (r) => !!r.answeredAt,
                      expandedRowRender: (r) => (
                        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                          {questions.map((q) => (
                            <li key={q.key}>
                              <Typography.Text type="secondary">{localized(q.text, locale)}</Typography.Text> {answerText(q, r.answers?.[q.key])}
                            </li>
                          ))}
                        </ul>
                      ),
                    }
                  : undefined
              }
              columns={[
                { title: t('survey.col.customer'), dataIndex: 'customerName', width: 110 },
                {
                  title: t('survey.col.ticket'),
                  key: 'ticket',
                  width: 160,
                  render: (_, r) => (r.ticketId ? <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber ?? r.ticketId.slice(0, 8)}</Link> : '—'),
                },
                { title: t('survey.col.agent'), dataIndex: 'agentName', width: 90, render: (n: string | null) => n ?? '—' },
                { title: t('survey.col.rating'), key: 'rating', width: 130, render: (_, r) => ratingTag(r) },
                { title: t('survey.col.comment'), dataIndex: 'comment', ellipsis: true, render: (c: string | null) => c ?? '' },
                { title: t('survey.col.answeredAt'), dataIndex: 'answeredAt', width: 140, render: (d: string | null) => (d ? formatDateTime(d) : '—') },
                {
                  title: t('survey.col.delivery'),
                  key: 'delivery',
                  width: 150,
                  render: (_, r) => <SurveyDeliveryTag r={r} />,
                },
              ]}
            />
            {items.length >= LIMIT ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('survey.newestOnly', { n: LIMIT })}
              </Typography.Text>
            ) : null}
          </Card>
        </>
      ) : null}
    </Drawer>
  );
}

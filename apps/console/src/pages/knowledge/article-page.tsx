import { useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Result, Row, Space, Spin } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, EditOutlined, InboxOutlined, RollbackOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { KbArticle } from '@kefu/shared/knowledge-api';
import { api, ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ArticleContent } from '../../components/kb/article-content.tsx';
import { ArticleStateTags } from './article-state-tags.tsx';
import { VersionHistory } from './version-history.tsx';
import { ArticleFiles } from './article-files.tsx';
import { ReviewDialog } from './review-dialog.tsx';
import { versionInReview } from './kb-model.ts';

/** One article: the text readers get, "was this useful"; for editors its versions, review and archiving. */
export function KnowledgeArticlePage() {
  const t = useT();
  const { id = '' } = useParams();
  const access = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [notFound, setNotFound] = useState(false);
  const [review, setReview] = useState<{ article: KbArticle; version: number; approve: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const req = useRequest(async () => {
    setNotFound(false);
    try {
      return await api.get<KbArticle>(`/kb/articles/${id}`, undefined, { silent: (e) => e.status === 404 });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotFound(true);
      throw e;
    }
  }, [id]);
  const a = req.data;

  if (notFound) {
    return <Result status="404" subTitle={t('kb.notFound')} extra={<Button onClick={() => navigate('/knowledge')}>{t('kb.backToList')}</Button>} />;
  }
  if (!a) return <Spin />;

  const latest = a.versions[0];
  const waiting = versionInReview(a);
  const act = async (what: string, run: () => Promise<KbArticle>, done: string) => {
    setBusy(what);
    try {
      req.setData(await run());
      void message.success(done);
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };
  const submit = () => act('submit', () => api.patch<KbArticle>(`/kb/articles/${a.id}`, { submit: true }), t('kb.submitted'));
  const archive = (archived: boolean) =>
    act('archive', () => api.post<KbArticle>(`/kb/articles/${a.id}/archive`, { archived }), archived ? t('kb.archived') : t('kb.restored'));
  const canSubmit = access.kbEdit && !a.archived && (latest?.status === 'draft' || latest?.status === 'rejected');

  return (
    <div data-testid="kb-article-page" data-article-id={a.id}>
      <Link to="/knowledge" className="kefu-kb-back">
        <ArrowLeftOutlined /> {t('kb.backToList')}
      </Link>
      <PageTitle
        title={
          <Space wrap size={8}>
            <span data-testid="kb-article-title">{a.title}</span>
            <ArticleStateTags article={a} />
          </Space>
        }
        extra={
          <Space wrap>
            {access.kbEdit && !a.archived ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/knowledge/${a.id}/edit`)} data-testid="kb-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {canSubmit ? (
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()} data-testid="kb-submit">
                {t('kb.submitForReview')}
              </Button>
            ) : null}
            {access.kbPublish && waiting ? (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setReview({ article: a, version: waiting, approve: true })} data-testid="kb-review-approve">
                  {t('kb.review.approve')}
                </Button>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReview({ article: a, version: waiting, approve: false })} data-testid="kb-review-reject">
                  {t('kb.review.reject')}
                </Button>
              </>
            ) : null}
            {access.kbPublish ? (
              a.archived ? (
                <Button icon={<UndoOutlined />} loading={busy === 'archive'} onClick={() => void archive(false)} data-testid="kb-restore">
                  {t('kb.restore')}
                </Button>
              ) : (
                <Popconfirm title={t('kb.archiveConfirm')} okText={t('kb.archive')} cancelText={t('common.cancel')} onConfirm={() => archive(true)}>
                  <Button icon={<InboxOutlined />} loading={busy === 'archive'} data-testid="kb-archive">
                    {t('kb.archive')}
                  </Button>
                </Popconfirm>
              )
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={access.kbEdit ? 15 : 24}>
          <Card size="small">
            {a.publishedVersion === null && latest ? (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('kb.unpublishedHint', { v: latest.version })} />
            ) : null}
            {a.publishedVersion !== null && waiting ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('kb.newerWaitingHint', { v: waiting })} />
            ) : null}
            <ArticleContent article={a} onChange={req.setData} body={a.publishedVersion === null ? latest?.body : undefined} />
          </Card>
          <ArticleFiles article={a} canEdit={access.kbEdit} onChange={req.setData} />
        </Col>
        {access.kbEdit ? (
          <Col xs={24} xl={9}>
            <Card size="small" title={t('kb.versions')}>
              <VersionHistory article={a} canReview={access.kbPublish} onReview={(version, approve) => setReview({ article: a, version, approve })} />
            </Card>
          </Col>
        ) : null}
      </Row>
      <ReviewDialog
        review={review}
        onClose={() => setReview(null)}
        onDone={(next) => {
          setReview(null);
          req.setData(next);
          void message.success(review?.approve ? t('kb.review.approved') : t('kb.review.rejected'));
        }}
      />
    </div>
  );
}

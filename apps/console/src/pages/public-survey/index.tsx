import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Input, Radio, Result, Spin } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { LocaleSwitch } from '../../components/locale-switch.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { linkProblem, localized, missingAnswers, toAnswerBody, type AnswerDraft, type LinkProblem, type PublicSurvey } from './answer-model.ts';
import { RatingChoice } from './rating-choice.tsx';
import './public-survey.css';

type State =
  | { status: 'loading' }
  | { status: 'problem'; problem: LinkProblem; message?: string }
  | { status: 'ready'; survey: PublicSurvey }
  | { status: 'done'; survey: PublicSurvey };

/**
 * /s/:token, opened by a customer from an SMS: no login, nothing about the
 * customer is shown or fetched. Only the two public endpoints are called, and
 * their errors are never reported through the console's session handling.
 */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const t = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api
      .get<PublicSurvey>(`/public/surveys/${encodeURIComponent(token)}`, undefined, { silent: true })
      .then((survey) => live && setState({ status: 'ready', survey }))
      .catch((e) => {
        if (!live) return;
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', '');
        setState({ status: 'problem', problem: linkProblem(err.status, err.code), message: err.message });
      });
    return () => {
      live = false;
    };
  }, [token, attempt]);

  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.survey.name} · ${state.survey.company}`;
  }, [state]);

  const company = state.status === 'ready' || state.status === 'done' ? state.survey.company : '';
  return (
    <div className="kefu-ps" data-testid="public-survey">
      <div className="kefu-ps-top">
        <span className="kefu-ps-company" data-testid="ps-company">
          {company}
        </span>
        <LocaleSwitch />
      </div>
      <div className="kefu-ps-card">
        {state.status === 'loading' ? (
          <div className="kefu-ps-state" style={{ textAlign: 'center' }}>
            <Spin size="large" />
          </div>
        ) : state.status === 'problem' ? (
          <ProblemView problem={state.problem} message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
        ) : state.status === 'done' ? (
          <Result status="success" className="kefu-ps-state" title={t('publicSurvey.thanks')} subTitle={t('publicSurvey.thanksSub')} data-testid="ps-thanks" />
        ) : (
          <SurveyForm
            token={token}
            survey={state.survey}
            onDone={() => setState({ status: 'done', survey: state.survey })}
            onProblem={(problem, message) => setState({ status: 'problem', problem, message })}
          />
        )}
      </div>
    </div>
  );
}

function ProblemView({ problem, message, onRetry }: { problem: LinkProblem; message?: string; onRetry: () => void }) {
  const t = useT();
  const known = problem !== 'other';
  return (
    <Result
      className="kefu-ps-state"
      status={problem === 'used' ? 'success' : problem === 'expired' ? 'warning' : problem === 'network' ? 'warning' : 'error'}
      title={t(`publicSurvey.problem.${problem}`)}
      // the server's message is in the language the page asked in; ours follows the switch
      subTitle={known ? t(`publicSurvey.problem.${problem}Sub`) : message}
      extra={
        problem === 'network' || problem === 'other' ? (
          <Button type="primary" onClick={onRetry}>
            {t('publicSurvey.retry')}
          </Button>
        ) : undefined
      }
      data-testid={`ps-problem-${problem}`}
    />
  );
}

interface FormProps {
  token: string;
  survey: PublicSurvey;
  onDone: () => void;
  onProblem: (problem: LinkProblem, message: string) => void;
}

function SurveyForm({ token, survey, onDone, onProblem }: FormProps) {
  const t = useT();
  const [locale] = useLocale();
  const [draft, setDraft] = useState<AnswerDraft>({ rating: null, answers: {}, comment: '' });
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = new Set(missingAnswers(survey.questions, draft));
  const showMissing = (key: string) => tried && missing.has(key);
  const setAnswer = (key: string, v: number | string) => setDraft((d) => ({ ...d, answers: { ...d.answers, [key]: v } }));

  const submit = async () => {
    setTried(true);
    if (missing.size) {
      // bring the first unanswered question into view: on a phone it may be far above
      const first = [...missing][0];
      document.getElementById(`ps-q-${first}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setSending(true);
    setError(null);
    try {
      await api.post(`/public/surveys/${encodeURIComponent(token)}`, toAnswerBody(survey.questions, draft), { silent: true });
      onDone();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', t('error.network'));
      // the link went bad meanwhile (answered in another tab, expired): say so on the whole page
      if ([404, 409, 410].includes(err.status)) onProblem(linkProblem(err.status, err.code), err.message);
      else setError(err.status === 0 ? t('publicSurvey.problem.networkSub') : err.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h1 data-testid="ps-name">{survey.name}</h1>
      <div className="kefu-ps-intro">{t('publicSurvey.intro')}</div>

      <div className="kefu-ps-question" id="ps-q-rating">
        <span className="kefu-ps-label">
          <span className="req">*</span>
          {t('publicSurvey.overall')}
        </span>
        <RatingChoice name="overall" scale={survey.scale} value={draft.rating} invalid={showMissing('rating')} onChange={(rating) => setDraft((d) => ({ ...d, rating }))} />
        {showMissing('rating') ? <div className="kefu-ps-error">{t('publicSurvey.pickRating')}</div> : null}
      </div>

      {survey.questions.map((q, i) => {
        const label = localized(q.text, locale);
        const value = draft.answers[q.key];
        return (
          <div className="kefu-ps-question" id={`ps-q-${q.key}`} key={q.key} data-testid={`ps-q-${q.key}`}>
            <span className="kefu-ps-label">
              {q.required !== false ? <span className="req">*</span> : null}
              {i + 1}. {label}
              {q.required === false ? <span style={{ color: '#8c8c8c', fontWeight: 400 }}> {t('publicSurvey.optional')}</span> : null}
            </span>
            {q.kind === 'rating' ? (
              <RatingChoice compact name={q.key} scale={survey.scale} value={typeof value === 'number' ? value : null} invalid={showMissing(q.key)} onChange={(v) => setAnswer(q.key, v)} />
            ) : q.kind === 'choice' ? (
              <Radio.Group
                className="kefu-ps-choice"
                style={{ display: 'block' }}
                value={value}
                onChange={(e) => setAnswer(q.key, e.target.value as number)}
                options={(q.options ?? []).map((o, idx) => ({ value: idx, label: localized(o, locale) }))}
              />
            ) : (
              <Input.TextArea
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => setAnswer(q.key, e.target.value)}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={2000}
                status={showMissing(q.key) ? 'error' : undefined}
              />
            )}
            {showMissing(q.key) ? <div className="kefu-ps-error">{t('publicSurvey.required')}</div> : null}
          </div>
        );
      })}

      {/* room below for the character count */}
      <div className="kefu-ps-question" style={{ marginBottom: 32 }}>
        <span className="kefu-ps-label">
          {t('publicSurvey.comment')}
          <span style={{ color: '#8c8c8c', fontWeight: 400 }}> {t('publicSurvey.optional')}</span>
        </span>
        <Input.TextArea
          value={draft.comment}
          onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))}
          placeholder={t('publicSurvey.commentPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          data-testid="ps-comment"
        />
      </div>

      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" block className="kefu-ps-submit" loading={sending} data-testid="ps-submit">
        {t('publicSurvey.submit')}
      </Button>
      <div className="kefu-ps-foot">{t('publicSurvey.validUntil', { at: formatDateTime(survey.expiresAt) })}</div>
    </form>
  );
}

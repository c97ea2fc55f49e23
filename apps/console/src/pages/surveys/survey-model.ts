import { surveyBody, type SurveyBody } from '@kefu/shared/callbacks';

// The questionnaire builder's state and the body POST /surveys takes
// (surveyBody). The overall rating is always asked; these questions follow it.

export type QuestionKind = 'rating' | 'choice' | 'text';
export const QUESTION_KINDS: QuestionKind[] = ['rating', 'choice', 'text'];

export interface OptionDraft {
  zh: string;
  en: string;
}

export interface QuestionDraft {
  /** q1, q2… given when the question is added; answers are stored under it */
  key: string;
  zh: string;
  en: string;
  kind: QuestionKind;
  options: OptionDraft[];
  required: boolean;
}

export interface SurveyValues {
  name: string;
  kind: 'periodic' | 'post_resolution';
  scale: 2 | 3 | 5;
  validDays: number;
}

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 10;

export function emptySurvey(): SurveyValues {
  return { name: '', kind: 'periodic', scale: 5, validDays: 7 };
}

/** The next free qN: after removing q2 from q1..q3 the next one is q4, so keys never repeat within a draft. */
export function nextKey(questions: { key: string }[]): string {
  const used = questions.map((q) => /^q(\d+)$/.exec(q.key)).reduce((m, x) => (x ? Math.max(m, Number(x[1])) : m), 0);
  return `q${used + 1}`;
}

export function newQuestion(existing: QuestionDraft[], kind: QuestionKind = 'rating'): QuestionDraft {
  return {
    key: nextKey(existing),
    zh: '',
    en: '',
    kind,
    options: kind === 'choice' ? [{ zh: '', en: '' }, { zh: '', en: '' }] : [],
    required: kind !== 'text',
  };
}

/** A choice question starts with two empty options; other kinds have none. */
export function withKind(q: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const options = kind === 'choice' ? (q.options.length >= 2 ? q.options : [...q.options, ...Array.from({ length: 2 - q.options.length }, () => ({ zh: '', en: '' }))]) : [];
  return { ...q, kind, options };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export function toSurveyBody(v: SurveyValues, questions: QuestionDraft[]): SurveyBody {
  return {
    name: v.name.trim(),
    kind: v.kind,
    scale: v.scale,
    validDays: v.validDays,
    questions: questions.map((q) => ({
      key: q.key,
      text: { zh: q.zh.trim(), en: q.en.trim() },
      kind: q.kind,
      ...(q.kind === 'choice' ? { options: q.options.map((o) => ({ zh: o.zh.trim(), en: o.en.trim() })) } : {}),
      required: q.required,
    })),
  };
}

/** What is still wrong with the questions, one line per problem (numbers are 1-based positions). */
export function questionProblems(questions: QuestionDraft[]): { index: number; problem: 'text' | 'options' }[] {
  const problems: { index: number; problem: 'text' | 'options' }[] = [];
  questions.forEach((q, index) => {
    if (!q.zh.trim() || !q.en.trim()) problems.push({ index, problem: 'text' });
    if (q.kind === 'choice' && (q.options.length < 2 || q.options.some((o) => !o.zh.trim() || !o.en.trim()))) problems.push({ index, problem: 'options' });
  });
  return problems;
}

/** The body checked against the shared schema before it is sent. */
export function validSurveyBody(v: SurveyValues, questions: QuestionDraft[]): boolean {
  return surveyBody.safeParse(toSurveyBody(v, questions)).success;
}

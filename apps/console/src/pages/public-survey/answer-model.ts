// What the customer filled in, as POST /public/surveys/:token takes it
// (surveyAnswerBody): the overall rating 1..scale, answers by question key
// (a choice as its option's index, a rating as 1..scale, text as text) and a comment.

export interface PublicQuestion {
  key: string;
  text: { zh: string; en: string };
  kind: 'rating' | 'choice' | 'text';
  options?: { zh: string; en: string }[];
  required?: boolean;
}

export interface PublicSurvey {
  company: string;
  name: string;
  scale: number;
  questions: PublicQuestion[];
  expiresAt: string;
}

export interface AnswerDraft {
  rating: number | null;
  answers: Record<string, number | string | undefined>;
  comment: string;
}

export interface AnswerBody {
  rating: number;
  answers: Record<string, number | string>;
  comment: string;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** Keys of what still needs an answer: 'rating' for the overall rating, else question keys. */
export function missingAnswers(questions: PublicQuestion[], draft: AnswerDraft): string[] {
  const missing: string[] = [];
  if (draft.rating === null) missing.push('rating');
  for (const q of questions) if (q.required !== false && blank(draft.answers[q.key])) missing.push(q.key);
  return missing;
}

/** The body to send; unanswered optional questions are left out, text is trimmed. */
export function toAnswerBody(questions: PublicQuestion[], draft: AnswerDraft): AnswerBody {
  const answers: Record<string, number | string> = {};
  for (const q of questions) {
    const v = draft.answers[q.key];
    if (blank(v)) continue;
    answers[q.key] = typeof v === 'string' ? v.trim() : (v as number);
  }
  return { rating: draft.rating ?? 0, answers, comment: draft.comment.trim() };
}

/** A question's text in the page's language, the other one when it is missing. */
export function localized(text: { zh: string; en: string } | undefined, locale: string): string {
  if (!text) return '';
  return (locale === 'en-US' ? text.en || text.zh : text.zh || text.en) ?? '';
}

export type LinkProblem = 'invalid' | 'expired' | 'used' | 'network' | 'other';

/** Why the link cannot be answered, from the API's error (a mangled token is refused as invalid input). */
export function linkProblem(status: number, code: string): LinkProblem {
  if (code === 'SURVEY_LINK_EXPIRED' || status === 410) return 'expired';
  if (code === 'SURVEY_LINK_USED' || status === 409) return 'used';
  if (code === 'SURVEY_LINK_INVALID' || status === 404 || (status === 400 && code !== 'VALIDATION_FAILED')) return 'invalid';
  if (status === 0) return 'network';
  return 'other';
}

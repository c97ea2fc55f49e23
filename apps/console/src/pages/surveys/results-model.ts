import { ratingOptions, type RatingWord } from '../public-survey/rating-scale.ts';

/** What GET /survey-responses answers per invitation. */
export type { SurveyResponse } from '@kefu/shared/callbacks-api';
import type { SurveyResponse } from '@kefu/shared/callbacks-api';

/** How many answered with each rating, best first, every choice of the scale present. */
export function ratingDistribution(responses: Pick<SurveyResponse, 'rating' | 'answeredAt'>[], scale: number): { value: number; word: RatingWord; count: number }[] {
  const counts = new Map<number, number>();
  for (const r of responses) if (r.answeredAt && r.rating !== null) counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1);
  return ratingOptions(scale).map((o) => ({ ...o, count: counts.get(o.value) ?? 0 }));
}

/** The comments customers left, newest first. */
export function commentsOf(responses: SurveyResponse[]): SurveyResponse[] {
  return responses
    .filter((r) => r.answeredAt && r.comment?.trim())
    .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
}

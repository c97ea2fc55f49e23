import { ratingOptions, type RatingWord } from '../public-survey/rating-scale.ts';

/** What GET /survey-responses answers per invitation. */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  surveyName: string;
  customerId: string;
  customerName: string;
  ticketId: string | null;
  ticketNumber: string | null;
  agentName: string | null;
  channel: string;
  sentAt: string | null;
  answeredAt: string | null;
  expiresAt: string;
  rating: number | null;
  scale: number;
  scorePct: number | null;
  comment: string | null;
  answers: Record<string, number | string> | null;
  sendError: string | null;
}

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

export type Delivery = 'answered' | 'sent' | 'failed' | 'queued' | 'expired';

/** Where one invitation stands, as the list shows it. */
export function deliveryOf(r: Pick<SurveyResponse, 'answeredAt' | 'sentAt' | 'sendError' | 'expiresAt'>, now = new Date()): Delivery {
  if (r.answeredAt) return 'answered';
  if (new Date(r.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (r.sentAt) return 'sent';
  return r.sendError ? 'failed' : 'queued';
}

/** GET /surveys: a questionnaire with its response rate and score. */
export interface Survey {
  id: string;
  name: string;
  kind: string;
  scale: number;
  questions: unknown[];
  validDays: number;
  createdAt: string;
  sent: number;
  answered: number;
  responseRatePct: number | null;
  /** the average score 0..100 % (a rating of 1 is 0 %, the top of the scale 100 %) */
  scorePct: number | null;
}

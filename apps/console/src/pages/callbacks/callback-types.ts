import type { AttemptResult, Satisfaction } from '@kefu/shared/callbacks';
import type { Customer, CustomerHistoryItem } from '../../api/types.ts';

// Response shapes of the callback (回访) and survey-response routes. The server
// declares them in its routes only (callbacks.routes.ts, surveys.routes.ts), so
// they are spelled out here for the callback pages and the work-order card.

/** One callback task (taskOut). */
export interface CallbackTask {
  id: string;
  policyId: string | null;
  campaignId: string | null;
  /** the policy's (or campaign's) name when the task was made */
  policy: string;
  callbackType: string;
  step: string;
  ticketId: string | null;
  customerId: string;
  assigneeId: string | null;
  teamId: string | null;
  scriptId: string | null;
  round: number;
  availableAt: string;
  dueAt: string;
  appointmentAt: string | null;
  status: string;
  outcome: string | null;
  reason: string | null;
  attemptCount: number;
  coverageRequired: boolean;
  targetMinutes: number;
  overdue: boolean;
  doneAt: string | null;
  closedReason: string | null;
  createdAt: string;
}

/** A row of GET /callbacks (listItem). */
export interface CallbackListItem extends CallbackTask {
  customerName: string;
  customerPhone: string | null;
  customerClass: string | null;
  ticketNumber: string | null;
  ticketSubject: string | null;
  ticketStatus: string | null;
  assigneeName: string | null;
  teamName: string | null;
  quietNow: boolean;
  quietUntil: string | null;
}

export interface ScriptQuestion {
  key: string;
  text: string;
  kind: 'text' | 'choice' | 'yes_no';
  options?: string[];
}

export interface ScriptBranch {
  prompt: string;
  closing: string;
  followUp: string;
}

/** The script with its {variables} already filled in by the server. */
export interface CallbackScript {
  id: string;
  name: string;
  opening: string;
  questions: ScriptQuestion[];
  branches: Partial<Record<Satisfaction, ScriptBranch>>;
}

export interface CallbackAttempt {
  id: string;
  taskId: string;
  agentId: string;
  agentName: string | null;
  channel: string;
  result: AttemptResult | string;
  durationSeconds: number;
  satisfaction: Satisfaction | null;
  answers: Record<string, string | boolean>;
  reason: string | null;
  note: string | null;
  appointmentAt: string | null;
  /** made inside the customer's quiet hours, on purpose */
  quietHours: boolean;
  at: string;
}

export interface CallbackTicketSummary {
  id: string;
  number: string;
  type: string;
  subject: string;
  status: string;
  resolution: string | null;
}

/** GET /callbacks/:id */
export interface CallbackDetail {
  task: CallbackTask;
  customer: Customer;
  ticket: CallbackTicketSummary | null;
  history: CustomerHistoryItem[];
  attempts: CallbackAttempt[];
  script: CallbackScript | null;
  quiet: { now: boolean; until: string | null; windows: { start: string; end: string }[] };
  assigneeName: string | null;
}

/** POST /callbacks/:id/attempts */
export interface AttemptResponse {
  attemptId: string;
  /** what happened to the work order: close | reopen | rectify | none, null without one */
  followUp: string | null;
  task: CallbackTask;
}

/** A row of GET /survey-responses */
export interface SurveyResponseItem {
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
  answers: unknown;
  sendError: string | null;
}

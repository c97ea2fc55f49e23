import type { AttemptResult, Satisfaction } from '@kefu/shared/callbacks';
import type { Customer, CustomerHistoryItem } from '../../api/types.ts';

// Response shapes of the callback (回访) routes for the callback pages and the
// work-order card; the list, task and survey shapes come from the shared schemas.

export type { CallbackListItem, CallbackTask, SurveyResponse as SurveyResponseItem } from '@kefu/shared/callbacks-api';
import type { CallbackTask } from '@kefu/shared/callbacks-api';

export interface ScriptQuestion {
  key: string;
  text: string;
  kind: 'text' | 'choice' | 'yes_no';
  options?: string[];
  /** answered on every reached callback unless false */
  required?: boolean;
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


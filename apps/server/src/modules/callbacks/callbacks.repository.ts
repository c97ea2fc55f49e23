import { asc, eq } from 'drizzle-orm';
import {
  callbackAssignee, callbackStep, type CallbackStep, type CallbackType,
} from '@kefu/shared/callbacks';
import { ruleCondition, type RuleCondition } from '@kefu/shared/rules';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { callbackPolicies, callbackScripts } from '../../db/schema/index.ts';

export interface CallbackPolicy {
  id: string;
  name: string;
  enabled: boolean;
  kind: 'event' | 'schedule' | 'campaign';
  callbackType: CallbackType;
  triggerStatus: string;
  conditions: RuleCondition[];
  anchorField: string | null;
  steps: CallbackStep[];
  calendarId: string | null;
  scriptId: string | null;
  assignee: z.infer<typeof callbackAssignee>;
  channels: string[];
  coverageRequired: boolean;
  sendSurvey: boolean;
  targetMinutes: number;
  template: string | null;
  updatedAt: Date;
}

export function toPolicy(row: typeof callbackPolicies.$inferSelect): CallbackPolicy {
  return {
    ...row,
    kind: row.kind as CallbackPolicy['kind'],
    callbackType: row.callbackType as CallbackType,
    conditions: (row.conditions as unknown[]).map((c) => ruleCondition.parse(c)),
    steps: (row.steps as unknown[]).map((s) => callbackStep.parse(s)),
    assignee: callbackAssignee.parse(row.assignee),
  };
}

export async function enabledPolicies(tx: Tx): Promise<CallbackPolicy[]> {
  const rows = await tx.select().from(callbackPolicies).where(eq(callbackPolicies.enabled, true)).orderBy(asc(callbackPolicies.createdAt));
  return rows.map(toPolicy);
}

export async function policyById(tx: Tx, id: string): Promise<CallbackPolicy | null> {
  const [row] = await tx.select().from(callbackPolicies).where(eq(callbackPolicies.id, id));
  return row ? toPolicy(row) : null;
}

export interface ScriptBranch { prompt: string; closing: string; followUp: 'none' | 'close' | 'reopen' | 'rectify' }
export interface CallbackScript {
  id: string;
  name: string;
  opening: string;
  questions: { key: string; text: string; kind: 'text' | 'choice' | 'yes_no'; options?: string[]; required?: boolean }[];
  branches: Record<'satisfied' | 'neutral' | 'unsatisfied', ScriptBranch>;
  updatedAt: Date;
}

export async function scriptById(tx: Tx, id: string | null): Promise<CallbackScript | null> {
  if (!id) return null;
  const [row] = await tx.select().from(callbackScripts).where(eq(callbackScripts.id, id));
  return row ? (row as unknown as CallbackScript) : null;
}

/** What happens to the work order after a reached callback, when no script says otherwise. */
export const DEFAULT_FOLLOW_UP: Record<'satisfied' | 'neutral' | 'unsatisfied', ScriptBranch['followUp']> = {
  satisfied: 'close', neutral: 'close', unsatisfied: 'reopen',
};

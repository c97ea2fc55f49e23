import { FOLLOW_UPS, SATISFACTION, SCRIPT_VARIABLES, type CallbackScriptBody, type Satisfaction } from '@kefu/shared/callbacks';
import { changedFields } from '../callback-policies/policy-model.ts';
import { readableErrorPath } from '../callback-policies/error-path.ts';
import type { T } from '../../../i18n/i18n-provider.tsx';

// The callback script editor's values and their conversion to and from the
// API (CBK-07, KB-03): an opening with {variables}, questions with keys the
// attempts store their answers under, and one branch per satisfaction result.

export type FollowUp = (typeof FOLLOW_UPS)[number];
export type QuestionKind = 'text' | 'choice' | 'yes_no';
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export interface ScriptQuestion {
  key: string;
  text: string;
  kind: QuestionKind;
  options?: string[];
  /** false: the agent may leave it unanswered on a reached callback */
  required?: boolean;
}

export interface ScriptBranch {
  prompt: string;
  closing: string;
  followUp: FollowUp;
}

/** A script as GET /callback-scripts answers it. */
export interface CallbackScript {
  id: string;
  name: string;
  opening: string;
  questions: ScriptQuestion[];
  branches: Record<Satisfaction, ScriptBranch>;
  updatedAt: string;
}

export interface QuestionValues {
  key?: string;
  text?: string;
  kind?: QuestionKind;
  options?: string[];
  /** must be answered when the customer is reached (the default) */
  required?: boolean;
}

export interface BranchValues {
  prompt?: string;
  closing?: string;
  followUp?: FollowUp;
}

export interface ScriptValues {
  name: string;
  opening: string;
  questions: QuestionValues[];
  branches: Record<Satisfaction, BranchValues>;
}

export type ScriptPatch = Partial<CallbackScriptBody>;

/** What usually follows each result: satisfied and neutral end the loop, unsatisfied sends the work order back. */
export const DEFAULT_FOLLOW_UP: Record<Satisfaction, FollowUp> = { satisfied: 'close', neutral: 'close', unsatisfied: 'reopen' };

export function emptyScript(): ScriptValues {
  return {
    name: '',
    opening: '',
    questions: [],
    branches: Object.fromEntries(SATISFACTION.map((s) => [s, { prompt: '', closing: '', followUp: DEFAULT_FOLLOW_UP[s] }])) as Record<Satisfaction, BranchValues>,
  };
}

export function fromScript(s: Pick<CallbackScript, 'name' | 'opening' | 'questions' | 'branches'>): ScriptValues {
  return {
    name: s.name,
    opening: s.opening,
    questions: s.questions.map((q) => ({ key: q.key, text: q.text, kind: q.kind, options: q.options ? [...q.options] : [], required: q.required !== false })),
    branches: Object.fromEntries(
      SATISFACTION.map((k) => {
        const b = s.branches[k];
        return [k, { prompt: b?.prompt ?? '', closing: b?.closing ?? '', followUp: b?.followUp ?? DEFAULT_FOLLOW_UP[k] }];
      }),
    ) as Record<Satisfaction, BranchValues>,
  };
}

/** The first free key q1, q2 …: answers already recorded under other keys keep them. */
export function nextQuestionKey(keys: (string | undefined)[]): string {
  for (let n = 1; ; n++) if (!keys.includes(`q${n}`)) return `q${n}`;
}

export function toQuestion(q: QuestionValues, index: number): ScriptQuestion {
  const kind = q.kind ?? 'text';
  const out: ScriptQuestion = { key: q.key || `q${index + 1}`, text: (q.text ?? '').trim(), kind };
  // options mean something only for a choice; a kind changed away from choice drops them
  if (kind === 'choice') out.options = (q.options ?? []).map((o) => o.trim()).filter(Boolean);
  // required is the default: only an optional question says so
  if (q.required === false) out.required = false;
  return out;
}

/** Every field of the create body; tolerant of a half-filled form (the live preview reads it too). */
export function toScriptBody(v: ScriptValues): CallbackScriptBody {
  return {
    name: (v.name ?? '').trim(),
    opening: (v.opening ?? '').trim(),
    questions: (v.questions ?? []).filter(Boolean).map(toQuestion),
    branches: Object.fromEntries(
      SATISFACTION.map((k) => {
        const b = v.branches?.[k] ?? {};
        return [k, { prompt: (b.prompt ?? '').trim(), closing: (b.closing ?? '').trim(), followUp: b.followUp ?? DEFAULT_FOLLOW_UP[k] }];
      }),
    ) as CallbackScriptBody['branches'],
  };
}

/** The PATCH of an edited script: only the parts that changed (both sides converted alike). */
export function scriptPatch(original: CallbackScript, v: ScriptValues): ScriptPatch {
  return changedFields(toScriptBody(fromScript(original)), toScriptBody(v));
}

/** {variables} that fillScript will not fill: a typo the agent would read out as written. */
export function unknownVariables(text: string): string[] {
  const known = SCRIPT_VARIABLES as readonly string[];
  return [...new Set([...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).filter((k) => !known.includes(k)))];
}

/** "body.questions.1.options" -> "问题 2 · 选项"; "branches.unsatisfied.closing" -> "不满意 · 结束语". */
export function scriptErrorPath(path: string, t: T): string {
  const labels: Record<string, string> = {
    name: t('cbScript.name'),
    opening: t('cbScript.opening'),
    questions: t('cbScript.questions'),
    text: t('cbScript.questionText'),
    kind: t('cbScript.questionKind'),
    options: t('cbScript.options'),
    branches: t('cbScript.branches'),
    satisfied: t('cbScript.branch.satisfied'),
    neutral: t('cbScript.branch.neutral'),
    unsatisfied: t('cbScript.branch.unsatisfied'),
    prompt: t('cbScript.prompt'),
    closing: t('cbScript.closing'),
    followUp: t('cbScript.followUp'),
  };
  return readableErrorPath(path, (key, n) => (n !== undefined ? (key === 'questions' ? t('cbScript.questionN', { n }) : undefined) : labels[key]));
}

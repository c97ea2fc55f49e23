import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { callbackAttempts, callbackPolicies, callbackScripts, callbackTasks, customers, surveyInvitations, surveys, users } from '../schema/index.ts';

// Four weeks of finished callbacks and answered surveys, so the callback
// report and the satisfaction trend have something to show on a first look.
// (Open callbacks come from the sample work orders resolved in demo-data.ts.)
// Each callback is what the workspace would have recorded: on its policy's
// script, with one attempt row per attempt counted — a missed try first where
// two were needed, then the call that reached the customer, with its length
// and the script's answers.

const REASONS = ['退换不及时', '送奶员态度差', '问题没有彻底解决'];

type Question = { key: string; kind: 'text' | 'choice' | 'yes_no'; options?: string[]; required?: boolean };

/** What a reached customer of this verdict answered to the script's questions. */
function answersFor(questions: Question[], outcome: string): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const q of questions) {
    if (q.kind === 'yes_no') out[q.key] = outcome !== 'unsatisfied';
    else if (q.kind === 'choice' && q.options?.length) {
      const pick = outcome === 'satisfied' ? 0 : outcome === 'neutral' ? 1 : q.options.length - 1;
      out[q.key] = q.options[Math.min(pick, q.options.length - 1)];
    } else if (q.kind === 'text' && q.required !== false) out[q.key] = outcome === 'satisfied' ? '没有了,谢谢' : '希望处理再快一些';
  }
  return out;
}

export async function seedDemoCallbackHistory(db: Db, now = new Date()): Promise<void> {
  const agents = await db.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.username, 'operator'));
  const agents2 = await db.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.username, 'operator2'));
  const people = [...agents, ...agents2];
  // a dairy hotline's history: complaint callbacks and the everyday repairs (milk boxes, locks)
  const policies = (await db.select().from(callbackPolicies).where(eq(callbackPolicies.enabled, true)))
    .filter((p) => p.name.startsWith('投诉') || p.name.startsWith('其他维修'));
  const cs = await db.select({ id: customers.id }).from(customers);
  const [survey] = await db.select().from(surveys).where(eq(surveys.kind, 'post_resolution'));
  if (!people.length || !policies.length || !cs.length) return;
  const scriptIds = [...new Set(policies.map((p) => p.scriptId).filter((x): x is string => !!x))];
  const scripts = scriptIds.length ? await db.select().from(callbackScripts).where(inArray(callbackScripts.id, scriptIds)) : [];
  const questionsOf = (scriptId: string | null) => (scripts.find((s) => s.id === scriptId)?.questions ?? []) as Question[];
  const day = 86_400_000;
  const minute = 60_000;
  const rows: (typeof callbackTasks.$inferInsert & { id: string })[] = [];
  const tries: (typeof callbackAttempts.$inferInsert)[] = [];
  const answers: (typeof surveyInvitations.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    // a fixed pattern, not random: the demo looks the same on every machine
    const agent = people[i % people.length];
    const policy = policies[i % Math.min(policies.length, 2)];
    const dueAt = new Date(now.getTime() - (28 - Math.floor(i * 0.7)) * day);
    const outcome = i % 9 === 4 ? 'unsatisfied' : i % 5 === 2 ? 'neutral' : 'satisfied';
    const late = i % 7 === 3;
    const missed = i % 13 === 6;
    const reason = !missed && outcome === 'unsatisfied' ? REASONS[i % REASONS.length] : null;
    const doneAt = missed ? null : new Date(dueAt.getTime() + (late ? 0.5 : -1) * day);
    const id = randomUUID();
    // a missed callback was tried once and not reached; a done one took one or two tries
    const attemptCount = missed ? 1 : 1 + (i % 2);
    rows.push({
      id, policyId: policy.id, source: policy.name, callbackType: policy.callbackType, step: '回访', customerId: cs[i % cs.length].id,
      assigneeId: agent.id, teamId: agent.teamId, scriptId: policy.scriptId, calendarId: policy.calendarId, targetMinutes: policy.targetMinutes,
      round: 1, availableAt: new Date(dueAt.getTime() - 3 * day), dueAt,
      status: missed ? 'open' : 'done', outcome: missed ? null : outcome, reason,
      coverageRequired: policy.coverageRequired, attemptCount, doneAt, createdAt: new Date(dueAt.getTime() - 3 * day),
    });
    const base = { taskId: id, agentId: agent.id, channel: 'phone' };
    if (missed) {
      tries.push({ ...base, result: 'no_answer', durationSeconds: 0, at: new Date(dueAt.getTime() - 2 * day) });
      continue;
    }
    if (attemptCount === 2) tries.push({ ...base, result: i % 4 === 1 ? 'busy' : 'no_answer', durationSeconds: 0, at: new Date(doneAt!.getTime() - 4 * 60 * minute) });
    tries.push({
      ...base, result: 'reached', satisfaction: outcome, reason, durationSeconds: 90 + (i % 6) * 35,
      answers: answersFor(questionsOf(policy.scriptId), outcome), at: doneAt!,
    });
    if (survey && i % 2 === 0) {
      const at = new Date(dueAt.getTime() - 2 * day);
      const rating = outcome === 'satisfied' ? 5 - (i % 3 === 0 ? 1 : 0) : outcome === 'neutral' ? 3 : 2;
      answers.push({
        surveyId: survey.id, customerId: cs[i % cs.length].id, agentId: agent.id, channel: 'sms', address: null,
        tokenHash: `demo-${i}`, expiresAt: new Date(at.getTime() + 7 * day), sentAt: at, answeredAt: new Date(at.getTime() + 3_600_000),
        rating, score: (rating - 1) / (survey.scale - 1), answers: {}, comment: rating <= 2 ? '希望处理再快一些' : null, createdAt: at,
      });
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(callbackTasks).values(rows);
    await tx.insert(callbackAttempts).values(tries);
    if (answers.length) await tx.insert(surveyInvitations).values(answers);
  });
}

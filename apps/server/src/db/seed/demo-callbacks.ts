import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { callbackPolicies, callbackTasks, customers, surveyInvitations, surveys, users } from '../schema/index.ts';

// Four weeks of finished callbacks and answered surveys, so the callback
// report and the satisfaction trend have something to show on a first look.
// (Open callbacks come from the sample work orders resolved in demo-data.ts.)

const REASONS = ['退换不及时', '送奶员态度差', '问题没有彻底解决'];

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
  const day = 86_400_000;
  const rows: (typeof callbackTasks.$inferInsert)[] = [];
  const answers: (typeof surveyInvitations.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    // a fixed pattern, not random: the demo looks the same on every machine
    const agent = people[i % people.length];
    const policy = policies[i % Math.min(policies.length, 2)];
    const dueAt = new Date(now.getTime() - (28 - Math.floor(i * 0.7)) * day);
    const outcome = i % 9 === 4 ? 'unsatisfied' : i % 5 === 2 ? 'neutral' : 'satisfied';
    const late = i % 7 === 3;
    const missed = i % 13 === 6;
    rows.push({
      policyId: policy.id, source: policy.name, callbackType: policy.callbackType, step: '回访', customerId: cs[i % cs.length].id,
      assigneeId: agent.id, teamId: agent.teamId, round: 1, availableAt: new Date(dueAt.getTime() - 3 * day), dueAt,
      status: missed ? 'open' : 'done', outcome: missed ? null : outcome, reason: !missed && outcome === 'unsatisfied' ? REASONS[i % REASONS.length] : null,
      coverageRequired: policy.coverageRequired, attemptCount: missed ? 1 : 1 + (i % 2),
      doneAt: missed ? null : new Date(dueAt.getTime() + (late ? 0.5 : -1) * day), createdAt: new Date(dueAt.getTime() - 3 * day),
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
  await db.insert(callbackTasks).values(rows);
  if (answers.length) await db.insert(surveyInvitations).values(answers);
}

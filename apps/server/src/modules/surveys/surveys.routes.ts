import { z } from 'zod';
import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { errorBody, id, isoDate } from '@kefu/shared/api';
import { campaignFilter, surveyAnswerBody, surveyBody, surveyScore, surveySendBody } from '@kefu/shared/callbacks';
import { surveyDeliveryOf, surveyResponse } from '@kefu/shared/callbacks-api';
import type { App, Deps } from '../../platform/http/types.ts';
import { queryRows } from '../../db/client.ts';
import { customers, surveyInvitations, surveys, tickets, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { selectCustomerIds } from '../customers/customer-selection.queries.ts';
import { invite, remindNow, sendOutcome } from './send-survey.ts';
import { hashToken, surveySecret, verifyToken } from './survey-tokens.ts';
import { principalOf } from '../../platform/http/auth-hook.ts';
import { can, type Principal } from '../../platform/auth/principal.ts';
import { scopeCondition } from '../tickets/tickets.queries.ts';
import { inCustomerGroup } from '../customers/customers.queries.ts';

/**
 * Survey answers the viewer may read (with `tickets` joined): those about a
 * work order they may see (data scope, hidden-from); those of periodic
 * surveys, about no work order, only where they were the agent, unless they
 * see everything or manage surveys.
 */
function visibleInvitation(viewer: Principal): SQL {
  const aboutTicket = and(isNotNull(tickets.id), scopeCondition(viewer));
  const wide = viewer.dataScope === 'all' || can(viewer, 'survey:manage');
  const aboutNone = and(isNull(surveyInvitations.ticketId), wide ? undefined : eq(surveyInvitations.agentId, viewer.userId));
  return or(aboutTicket, aboutNone)!;
}

const manage = { permission: 'survey:manage' as const };
const idParams = z.object({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody };
const MAX_SEND = 20_000;

const surveyOut = z.object({
  id, name: z.string(), kind: z.string(), scale: z.number(), questions: z.array(z.unknown()), validDays: z.number(), createdAt: isoDate,
  sent: z.number(), answered: z.number(), responseRatePct: z.number().nullable(), scorePct: z.number().nullable(),
});
const responseOut = surveyResponse;

/** A rating 1..scale as 0..1, so 2-, 3- and 5-point surveys add up. */
export const scoreOf = surveyScore;

export function surveyRoutes(app: App, { db, config }: Deps): void {
  const stats = async () => queryRows<{ survey_id: string; sent: number; answered: number; score: number | null }>(db, sql`
    select survey_id, count(sent_at)::int as sent, count(answered_at)::int as answered, avg(score)::float as score
    from survey_invitations group by survey_id`);
  const present = (s: typeof surveys.$inferSelect, st?: { sent: number; answered: number; score: number | null }) => ({
    id: s.id, name: s.name, kind: s.kind, scale: s.scale, questions: s.questions as unknown[], validDays: s.validDays, createdAt: s.createdAt.toISOString(),
    sent: st?.sent ?? 0, answered: st?.answered ?? 0,
    responseRatePct: st?.sent ? Math.round((st.answered / st.sent) * 1000) / 10 : null,
    scorePct: st?.score != null ? Math.round(st.score * 1000) / 10 : null,
  });

  app.get('/api/v1/surveys', {
    config: manage,
    schema: { tags: ['surveys'], summary: 'Questionnaires with their response rate and score', response: { 200: z.object({ items: z.array(surveyOut) }) } },
  }, async () => {
    const st = await stats();
    return { items: (await db.select().from(surveys).orderBy(asc(surveys.createdAt))).map((s) => present(s, st.find((x) => x.survey_id === s.id))) };
  });

  app.post('/api/v1/surveys', {
    config: manage,
    schema: { tags: ['surveys'], summary: 'Create a questionnaire (the overall rating on a 2-, 3- or 5-point scale, then its questions)', body: surveyBody, response: { 201: surveyOut, ...errors } },
  }, async (req, reply) => {
    const [row] = await db.insert(surveys).values(req.body).returning();
    return reply.status(201).send(present(row));
  });

  app.post('/api/v1/surveys/:id/preview-recipients', {
    config: manage,
    schema: { tags: ['surveys'], summary: 'How many customers a send would reach', params: idParams, body: z.object({ filter: campaignFilter }).strict(),
      response: { 200: z.object({ count: z.number() }), ...errors } },
  }, async (req) => ({ count: (await selectCustomerIds(db, req.body.filter, MAX_SEND + 1)).length }));

  app.post('/api/v1/surveys/:id/send', {
    config: manage,
    schema: { tags: ['surveys'], summary: 'Send a questionnaire to the customers a filter selects (e.g. every resident, half-yearly)', params: idParams, body: surveySendBody,
      response: { 201: z.object({ invited: z.number(), withoutAddress: z.number() }), ...errors } },
  }, async (req, reply) => {
    const out = await db.transaction(async (tx) => {
      const [s] = await tx.select().from(surveys).where(eq(surveys.id, req.params.id));
      if (!s) throw notFound('survey');
      const ids = await selectCustomerIds(tx, req.body.filter, MAX_SEND + 1);
      if (ids.length > MAX_SEND) throw new AppError('VALIDATION_FAILED', { summary: `more than ${MAX_SEND} customers; narrow the filter` });
      if (!ids.length) throw new AppError('VALIDATION_FAILED', { summary: 'no customer matches the filter' });
      let withoutAddress = 0;
      for (const customerId of ids) {
        const { hasAddress } = await invite(tx, db, { surveyId: s.id, customerId, channel: req.body.channel, remind: true }, { timeZone: config.KEFU_TIMEZONE });
        if (!hasAddress) withoutAddress++;
      }
      return { invited: ids.length, withoutAddress };
    });
    return reply.status(201).send(out);
  });

  app.post('/api/v1/surveys/:id/remind', {
    config: manage,
    schema: { tags: ['surveys'], summary: 'Remind everyone who has not answered yet, now (once; otherwise a reminder goes out by itself halfway through the link\'s validity)', params: idParams,
      response: { 200: z.object({ reminded: z.number() }), ...errors } },
  }, async (req) => {
    const reminded = await db.transaction(async (tx) => {
      const rows = await tx.select({ id: surveyInvitations.id }).from(surveyInvitations).where(and(
        eq(surveyInvitations.surveyId, req.params.id), isNull(surveyInvitations.answeredAt), isNull(surveyInvitations.remindedAt),
        sql`${surveyInvitations.sentAt} is not null`, sql`${surveyInvitations.expiresAt} > now()`));
      for (const r of rows) await remindNow(tx, r.id, config.KEFU_TIMEZONE);
      return rows.length;
    });
    return { reminded };
  });

  app.get('/api/v1/survey-responses', {
    config: { permission: 'ticket:view' as const },
    schema: {
      tags: ['surveys'], summary: 'Survey invitations and answers, for a work order, a customer, an agent or a survey',
      querystring: z.object({ surveyId: id.optional(), ticketId: id.optional(), customerId: id.optional(), agentId: id.optional(),
        answered: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: { 200: z.object({ items: z.array(responseOut) }), ...errors },
    },
  }, async (req) => {
    const q = req.query;
    const viewer = principalOf(req);
    const rows = await db.select({ i: surveyInvitations, s: { name: surveys.name, scale: surveys.scale }, customerName: customers.name, ticketNumber: tickets.number, agentName: users.displayName })
      .from(surveyInvitations).innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
      .innerJoin(customers, eq(customers.id, surveyInvitations.customerId))
      .leftJoin(tickets, eq(tickets.id, surveyInvitations.ticketId)).leftJoin(users, eq(users.id, surveyInvitations.agentId))
      .where(and(
        visibleInvitation(viewer),
        q.surveyId ? eq(surveyInvitations.surveyId, q.surveyId) : undefined, q.ticketId ? eq(surveyInvitations.ticketId, q.ticketId) : undefined,
        q.customerId ? inCustomerGroup(surveyInvitations.customerId, q.customerId) : undefined, q.agentId ? eq(surveyInvitations.agentId, q.agentId) : undefined,
        q.answered === 'true' ? sql`${surveyInvitations.answeredAt} is not null` : q.answered === 'false' ? isNull(surveyInvitations.answeredAt) : undefined,
      )).orderBy(desc(surveyInvitations.createdAt)).limit(q.limit);
    const now = new Date();
    return { items: rows.map((r) => ({
      id: r.i.id, surveyId: r.i.surveyId, surveyName: r.s.name, customerId: r.i.customerId, customerName: r.customerName, ticketId: r.i.ticketId,
      ticketNumber: r.ticketNumber, agentName: r.agentName, channel: r.i.channel, sentAt: r.i.sentAt?.toISOString() ?? null,
      answeredAt: r.i.answeredAt?.toISOString() ?? null, expiresAt: r.i.expiresAt.toISOString(), rating: r.i.rating, scale: r.s.scale,
      scorePct: r.i.score != null ? Math.round(r.i.score * 1000) / 10 : null, comment: r.i.comment,
      answers: r.i.answers as Record<string, number | string> | null, ...sendOutcome(r.i.sendError),
      delivery: surveyDeliveryOf({ ...r.i, ...sendOutcome(r.i.sendError) }, now),
    })) };
  });

  // ---- the public page: no login, reveals nothing beyond the survey ----

  async function redeemable(token: string) {
    const secret = await surveySecret(db, db);
    const invitationId = verifyToken(secret, token);
    if (!invitationId) throw new AppError('SURVEY_LINK_INVALID');
    const [row] = await db.select({ i: surveyInvitations, s: surveys }).from(surveyInvitations)
      .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId)).where(eq(surveyInvitations.id, invitationId));
    if (!row || row.i.tokenHash !== hashToken(token)) throw new AppError('SURVEY_LINK_INVALID');
    if (row.i.answeredAt) throw new AppError('SURVEY_LINK_USED');
    if (row.i.expiresAt.getTime() <= Date.now()) throw new AppError('SURVEY_LINK_EXPIRED');
    return row;
  }
  const tokenParams = z.object({ token: z.string().min(10).max(120) });

  app.get('/api/v1/public/surveys/:token', {
    config: { public: true },
    schema: {
      tags: ['surveys'], summary: 'The questionnaire behind a survey link (no login; nothing about the customer)',
      params: tokenParams,
      response: { 200: z.object({ company: z.string(), name: z.string(), scale: z.number(), questions: z.array(z.unknown()), expiresAt: isoDate }), ...errors },
    },
  }, async (req) => {
    const { s, i } = await redeemable(req.params.token);
    return { company: config.KEFU_COMPANY_NAME, name: s.name, scale: s.scale, questions: s.questions as unknown[], expiresAt: i.expiresAt.toISOString() };
  });

  app.post('/api/v1/public/surveys/:token', {
    config: { public: true },
    schema: {
      tags: ['surveys'], summary: 'Answer a survey once: the rating, the questions, a comment',
      params: tokenParams, body: surveyAnswerBody, response: { 201: z.object({ ok: z.literal(true) }), ...errors },
    },
  }, async (req, reply) => {
    const { s, i } = await redeemable(req.params.token);
    const b = req.body;
    if (b.rating > s.scale) throw new AppError('VALIDATION_FAILED', { summary: `rating: 1 to ${s.scale}` });
    const questions = s.questions as { key: string; kind: string; required?: boolean; options?: unknown[] }[];
    for (const q of questions) {
      const v = b.answers[q.key];
      if (v === undefined || v === '') {
        if (q.required !== false) throw new AppError('VALIDATION_FAILED', { summary: `${q.key}: required` });
        continue;
      }
      if (q.kind === 'rating' && (typeof v !== 'number' || v < 1 || v > s.scale)) throw new AppError('VALIDATION_FAILED', { summary: `${q.key}: 1 to ${s.scale}` });
      if (q.kind === 'choice' && (typeof v !== 'number' || v < 0 || v >= (q.options?.length ?? 0))) throw new AppError('VALIDATION_FAILED', { summary: `${q.key}: pick an option` });
    }
    const known = new Set(questions.map((q) => q.key));
    const answers = Object.fromEntries(Object.entries(b.answers).filter(([k]) => known.has(k)));
    // single use, even when two submissions race: only the first update matches
    const rows = await db.update(surveyInvitations).set({
      answeredAt: new Date(), rating: b.rating, score: scoreOf(b.rating, s.scale), answers, comment: b.comment || null,
    }).where(and(eq(surveyInvitations.id, i.id), isNull(surveyInvitations.answeredAt))).returning({ id: surveyInvitations.id });
    if (!rows.length) throw new AppError('SURVEY_LINK_USED');
    return reply.status(201).send({ ok: true as const });
  });
}

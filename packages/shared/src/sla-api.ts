import { z } from 'zod';
import { id, isoDate } from './api.ts';
import type { CalendarSpec } from './calendar-spec.ts';
import type { RuleCondition } from './rules.ts';
import type { SlaTarget } from './sla.ts';

// Answers of the SLA API (policies, calendars, supervisor queues, wallboard).
// Stored conditions, targets and calendar specs were validated when saved:
// z.unknown on the wire, typed here.

export const slaPolicyOut = z.object({
  id, name: z.string(), enabled: z.boolean(), position: z.number().int(), conditions: z.array(z.unknown()),
  targets: z.array(z.unknown()), calendarId: id.nullable(), updatedAt: isoDate,
});
export type SlaPolicy = Omit<z.infer<typeof slaPolicyOut>, 'conditions' | 'targets'> & { conditions: RuleCondition[]; targets: SlaTarget[] };

export const calendarOut = z.object({ id, name: z.string(), spec: z.unknown(), isDefault: z.boolean(), updatedAt: isoDate });
export type BusinessCalendar = Omit<z.infer<typeof calendarOut>, 'spec'> & { spec: CalendarSpec };

export const slaQueueItemOut = z.object({
  ticketId: id, number: z.string(), subject: z.string(), type: z.string(), status: z.string(),
  assigneeName: z.string().nullable(), teamName: z.string().nullable(), kind: z.string(), dueAt: isoDate, state: z.string(),
});
export type SlaQueueItem = z.infer<typeof slaQueueItemOut>;

export const departmentEscalationOut = z.object({ departmentId: id.nullable(), departmentName: z.string().nullable(), open: z.number(), breached: z.number(), urgent: z.number() });
export type DepartmentEscalation = z.infer<typeof departmentEscalationOut>;

export const wallboardOut = z.object({
  open: z.object({ new: z.number(), open: z.number(), pending: z.number() }),
  createdToday: z.number(), resolvedToday: z.number(), atRisk: z.number(), breached: z.number(),
  openByType: z.array(z.object({ type: z.string(), count: z.number() })),
});
export type Wallboard = z.infer<typeof wallboardOut>;

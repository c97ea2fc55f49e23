import { describe, expect, it } from 'vitest';
import { slaPolicyBody as policySchema } from '@kefu/shared/sla';
import { fromPolicy, fromTarget, newTarget, toPolicyBody, toTarget } from './policy-model.ts';

describe('SLA policy editor model', () => {
  it('shows whole hours as hours and working days as days, and converts back', () => {
    expect(fromTarget({ kind: 'resolution', minutes: 240, warnAtPercent: 75 })).toEqual({ kind: 'resolution', amount: 4, unit: 'hours', warnAtPercent: 75 });
    expect(fromTarget({ kind: 'first_response', minutes: 15, warnAtPercent: 60 })).toEqual({ kind: 'first_response', amount: 15, unit: 'minutes', warnAtPercent: 60 });
    expect(fromTarget({ kind: 'resolution', businessDays: 2, warnAtPercent: 80 }).unit).toBe('businessDays');
    expect(toTarget({ kind: 'resolution', amount: 1.5, unit: 'hours', warnAtPercent: 80 })).toEqual({ kind: 'resolution', minutes: 90, warnAtPercent: 80 });
    expect(toTarget({ kind: 'resolution', amount: 2, unit: 'businessDays', warnAtPercent: 80 })).toEqual({ kind: 'resolution', businessDays: 2, warnAtPercent: 80 });
  });

  it('a new target takes the first kind not used yet', () => {
    expect(newTarget([]).kind).toBe('first_response');
    expect(newTarget(['first_response']).kind).toBe('next_response');
    expect(newTarget(['first_response', 'next_response'])).toMatchObject({ kind: 'resolution', unit: 'businessDays' });
  });

  it('round-trips a policy into a body the shared schema accepts', () => {
    const policy = {
      name: '人身伤害投诉(7x24)',
      enabled: true,
      conditions: [
        { field: 'type', op: 'eq' as const, value: 'complaint' },
        { field: 'fields.injury', op: 'is_true' as const },
      ],
      targets: [
        { kind: 'first_response' as const, minutes: 15, warnAtPercent: 60 },
        { kind: 'resolution' as const, minutes: 240, warnAtPercent: 75 },
      ],
      calendarId: '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c',
    };
    const body = toPolicyBody(fromPolicy(policy), [{ value: 'type', label: 'type', kind: 'enum', group: 'ticket' }], 10);
    expect(policySchema.strict().safeParse(body).error?.issues ?? []).toEqual([]);
    expect(body).toEqual({ ...policy, position: 10 });
  });
});

import { describe, expect, it } from 'vitest';
import { surveyDeliveryOf } from './callbacks-api.ts';

describe('where a survey invitation stands', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  const base = { answeredAt: null, sentAt: null, sendError: null, skipReason: null, expiresAt: '2026-11-27T01:00:00Z' };

  it('is queued until it went out, then sent, then answered', () => {
    expect(surveyDeliveryOf(base, now)).toBe('queued');
    expect(surveyDeliveryOf({ ...base, sentAt: '2026-11-20T01:00:00Z' }, now)).toBe('sent');
    expect(surveyDeliveryOf({ ...base, sentAt: '2026-11-20T01:00:00Z', answeredAt: '2026-11-21T00:00:00Z' }, now)).toBe('answered');
  });

  it('failed, skipped on purpose, or expired unanswered', () => {
    expect(surveyDeliveryOf({ ...base, sendError: 'no sms address' }, now)).toBe('failed');
    expect(surveyDeliveryOf({ ...base, skipReason: 'ticket_reopened' }, now)).toBe('skipped');
    expect(surveyDeliveryOf({ ...base, skipReason: 'ticket_reopened' }, new Date('2026-12-01T00:00:00Z'))).toBe('skipped');
    expect(surveyDeliveryOf({ ...base, sentAt: '2026-11-20T01:00:00Z' }, new Date('2026-12-01T00:00:00Z'))).toBe('expired');
  });
});

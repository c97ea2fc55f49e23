import { describe, expect, it } from 'vitest';
import { campaignBody, campaignFilter } from '@kefu/shared/callbacks';
import { dayjs } from '../../utils/time.ts';
import { campaignProgress, datePresets, filterKey, toCampaignBody, toCampaignFilter } from './customer-filter.ts';

const TEAM = '7d3c4c1e-8a55-4a47-9a2b-1f2f6d0c9b11';

describe('customer filter', () => {
  it('leaves out what was not chosen', () => {
    expect(toCampaignFilter(undefined)).toEqual({});
    expect(toCampaignFilter({ customerClasses: [], ticketTypes: [], created: null })).toEqual({});
  });

  it('"members with a purchase last week": class, type and whole days in the centre\'s zone', () => {
    const f = toCampaignFilter({ customerClasses: [' 会员 ', '会员', 'VIP'], ticketTypes: ['order'], created: [dayjs('2026-11-16'), dayjs('2026-11-22')] });
    expect(f).toEqual({ customerClasses: ['会员', 'VIP'], ticketTypes: ['order'], since: '2026-11-16T00:00:00+08:00', until: '2026-11-23T00:00:00+08:00' });
    expect(campaignFilter.safeParse(f).success).toBe(true);
  });

  it('an open-ended range keeps its one side', () => {
    expect(toCampaignFilter({ created: [dayjs('2026-11-01'), null] })).toEqual({ since: '2026-11-01T00:00:00+08:00' });
  });

  it('the preview key ignores the order of choices', () => {
    expect(filterKey({ customerClasses: ['a', 'b'], ticketTypes: ['order'] })).toBe(filterKey({ customerClasses: ['b', 'a'], ticketTypes: ['order'] }));
    expect(filterKey({ customerClasses: ['a'] })).not.toBe(filterKey({ customerClasses: ['a'], since: '2026-11-01T00:00:00+08:00' }));
  });

  it('last week runs Monday to Sunday before this week', () => {
    const [lastWeek] = datePresets('2026-11-27T01:30:00Z');
    expect(lastWeek.value.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-11-16', '2026-11-22']);
  });
});

describe('campaign body', () => {
  it('builds a body the shared schema accepts, in working days or days', () => {
    const base = { name: ' 双十一会员回访 ', callbackType: 'care' as const, teamId: TEAM, dueAmount: 3, dueUnit: 'businessDays' as const, coverageRequired: true, filter: { ticketTypes: ['order'] } };
    const body = toCampaignBody(base);
    expect(body).toMatchObject({ name: '双十一会员回访', dueWithin: { businessDays: 3 }, scriptId: null, filter: { ticketTypes: ['order'] } });
    expect(campaignBody.safeParse(body).success).toBe(true);
    expect(toCampaignBody({ ...base, dueUnit: 'days', dueAmount: 7 }).dueWithin).toEqual({ days: 7 });
  });

  it('progress: done of all, satisfaction of those reached', () => {
    expect(campaignProgress({ customerCount: 8, done: 2, reached: 2, satisfied: 1 })).toEqual({ donePct: 25, satisfactionPct: 50 });
    expect(campaignProgress({ customerCount: 0, done: 0, reached: 0, satisfied: 0 })).toEqual({ donePct: 0, satisfactionPct: null });
  });
});

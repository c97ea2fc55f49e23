import type { Dayjs } from 'dayjs';
import type { CampaignBody, CampaignFilter } from '@kefu/shared/callbacks';
import { dayjs, inZone, ZONE } from '../../utils/time.ts';
import { startOfWeek } from '../callback-report/report-period.ts';

// Which customers a campaign or a survey send reaches, as the form holds it
// and as the API takes it (campaignFilter in @kefu/shared/callbacks).

export interface FilterValues {
  customerClasses?: string[];
  ticketTypes?: string[];
  /** customers with a work order (of those types) created in these days */
  created?: [Dayjs | null, Dayjs | null] | null;
}

const dayStart = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DD'), ZONE);
const iso = (d: Dayjs) => d.format('YYYY-MM-DDTHH:mm:ssZ');

/** The API's filter: empty parts left out; the days are whole days in the centre's zone, the last one included. */
export function toCampaignFilter(v: FilterValues | undefined): CampaignFilter {
  const f: CampaignFilter = {};
  const classes = [...new Set((v?.customerClasses ?? []).map((c) => c.trim()).filter(Boolean))];
  if (classes.length) f.customerClasses = classes;
  if (v?.ticketTypes?.length) f.ticketTypes = [...v.ticketTypes];
  const [first, last] = v?.created ?? [];
  if (first) f.since = iso(dayStart(first));
  if (last) f.until = iso(dayStart(last).add(1, 'day'));
  return f;
}

/** The same selection gives the same key: a preview is valid only for the filter it was made for. */
export function filterKey(f: CampaignFilter): string {
  return JSON.stringify([[...(f.customerClasses ?? [])].sort(), [...(f.ticketTypes ?? [])].sort(), f.since ?? null, f.until ?? null]);
}

/** Quick choices for the created-between range, e.g. "last week" for "members with a purchase last week". */
export function datePresets(now: Date | string): { key: 'lastWeek' | 'last7Days' | 'last30Days' | 'thisMonth'; value: [Dayjs, Dayjs] }[] {
  const today = inZone(now).startOf('day');
  const monday = startOfWeek(today);
  // the picker shows local calendar days: hand it plain dates
  const day = (d: Dayjs) => dayjs(d.format('YYYY-MM-DD'));
  return [
    { key: 'lastWeek', value: [day(monday.subtract(7, 'day')), day(monday.subtract(1, 'day'))] },
    { key: 'last7Days', value: [day(today.subtract(6, 'day')), day(today)] },
    { key: 'last30Days', value: [day(today.subtract(29, 'day')), day(today)] },
    { key: 'thisMonth', value: [day(today.startOf('month')), day(today)] },
  ];
}

export const DUE_UNITS = ['businessDays', 'days'] as const;
export type DueUnit = (typeof DUE_UNITS)[number];

export interface CampaignValues {
  name: string;
  callbackType: CampaignBody['callbackType'];
  filter?: FilterValues;
  teamId: string;
  scriptId?: string | null;
  dueAmount: number;
  dueUnit: DueUnit;
  coverageRequired: boolean;
}

export function emptyCampaign(): Partial<CampaignValues> {
  return { callbackType: 'care', dueAmount: 3, dueUnit: 'businessDays', coverageRequired: true, filter: {} };
}

export function toCampaignBody(v: CampaignValues): CampaignBody {
  const amount = Math.max(1, Math.round(v.dueAmount));
  return {
    name: v.name.trim(),
    callbackType: v.callbackType,
    filter: toCampaignFilter(v.filter),
    teamId: v.teamId,
    scriptId: v.scriptId ?? null,
    calendarId: null,
    dueWithin: v.dueUnit === 'businessDays' ? { businessDays: amount } : { days: amount },
    coverageRequired: v.coverageRequired,
  };
}

/** Done of all customers, %; satisfied of those reached, % (null: nobody reached yet). */
export function campaignProgress(c: { customerCount: number; done: number; reached: number; satisfied: number }) {
  return {
    donePct: c.customerCount ? Math.round((c.done / c.customerCount) * 100) : 0,
    satisfactionPct: c.reached ? Math.round((c.satisfied / c.reached) * 1000) / 10 : null,
  };
}

import { describe, expect, it } from 'vitest';
import { calendarBody } from '../../../api/bodies.ts';
import { calendarSpec } from '@kefu/shared/calendar-spec';
import { checkDraft, emptyDraft, fromCalendar, parseHours, serverIssues, toSpec, weekRuns, yearsOf } from './calendar-model.ts';

const office = [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }];
const calendar = {
  name: '标准工作时间',
  isDefault: true,
  spec: {
    timeZone: 'Asia/Shanghai',
    alwaysOpen: false,
    weekly: [[], office, office, office, office, office, []],
    days: [
      { date: '2027-01-01', kind: 'holiday' as const, name: '元旦', provisional: true },
      { date: '2026-02-28', kind: 'workday' as const, name: '春节' },
      { date: '2026-02-16', kind: 'holiday' as const, name: '春节' },
    ],
  },
};

describe('calendar editor model', () => {
  it('reads a calendar into rows by date and writes back the same spec, which the server accepts', () => {
    const draft = fromCalendar(calendar);
    expect(draft.days.map((d) => d.date)).toEqual(['2026-02-16', '2026-02-28', '2027-01-01']);
    expect(draft.days[2].provisional).toBe(true);
    const { spec, order } = toSpec(draft);
    expect(order).toEqual(draft.days.map((d) => d.key));
    expect(spec.days).toEqual([...calendar.spec.days].sort((a, b) => a.date.localeCompare(b.date)));
    expect(calendarSpec.safeParse(calendarBody({ name: draft.name, isDefault: true, spec }).spec).success).toBe(true);
    expect(yearsOf(draft.days)).toEqual(['2026', '2027']);
  });

  it('a make-up workday may have its own hours, typed as text', () => {
    expect(parseHours('9:00-12:00, 13:00–16:00')).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:00' }]);
    expect(parseHours('')).toEqual([]);
    expect(parseHours('9-12')).toBeNull();
    const draft = fromCalendar(calendar);
    draft.days[1].hoursText = '09:00-12:00';
    expect(toSpec(draft).spec.days[1]).toEqual({ date: '2026-02-28', kind: 'workday', name: '春节', hours: [{ start: '09:00', end: '12:00' }] });
    draft.days[1].kind = 'holiday';
    expect(toSpec(draft).spec.days[1]).not.toHaveProperty('hours');
  });

  it('checks names, HH:mm times, dates and duplicates before saving', () => {
    const draft = emptyDraft();
    draft.weekly[1] = [{ start: '8:30', end: '12:00' }];
    draft.days = [
      { key: 'a', date: null, kind: 'holiday', name: '', hoursText: '', provisional: false },
      { key: 'b', date: '2026-10-01', kind: 'holiday', name: '', hoursText: '', provisional: false },
      { key: 'c', date: '2026-10-01', kind: 'workday', name: '', hoursText: 'nine to five', provisional: false },
    ];
    expect(checkDraft(draft).map((i) => [i.at, i.message])).toEqual([
      [{ where: 'name' }, 'calendar.needName'],
      [{ where: 'weekly', day: 1, index: 0 }, 'calendar.badTime'],
      [{ where: 'day', key: 'a', field: 'date' }, 'calendar.needDate'],
      [{ where: 'day', key: 'c', field: 'date' }, 'calendar.dateTwice'],
      [{ where: 'day', key: 'c', field: 'hours' }, 'calendar.badHours'],
    ]);
  });

  it("places the server's 422 messages on the weekday interval or day row they name", () => {
    const msg =
      '输入有误:weekly.1.1: working hours 08:30–12:00 and 11:00–13:00 overlap; days.0.hours: 2026-01-01 is a holiday and has no working hours; use kind "workday" for a shortened day; weekly: a calendar needs weekly working hours';
    expect(serverIssues(msg, ['k0'])).toEqual([
      { at: { where: 'weekly', day: 1, index: 1 }, message: 'working hours 08:30–12:00 and 11:00–13:00 overlap', fromServer: true },
      { at: { where: 'day', key: 'k0', field: 'hours' }, message: '2026-01-01 is a holiday and has no working hours; use kind "workday" for a shortened day', fromServer: true },
      { at: { where: 'spec' }, message: 'weekly: a calendar needs weekly working hours', fromServer: true },
    ]);
    expect(serverIssues('一个日历必须保持默认', [])).toEqual([{ at: { where: 'spec' }, message: '一个日历必须保持默认', fromServer: true }]);
  });

  it('describes the week as runs of days with the same hours', () => {
    expect(weekRuns(calendar.spec.weekly)).toEqual([{ from: 1, to: 5, hours: office }]);
    const split = [[{ start: '09:00', end: '12:00' }], office, office, [], office, office, [{ start: '09:00', end: '12:00' }]];
    expect(weekRuns(split).map((r) => [r.from, r.to])).toEqual([[1, 2], [4, 5], [6, 0]]);
  });
});

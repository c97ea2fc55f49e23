import { dateOfDay, localClock } from './wall-clock.ts';

// A moment as people at the centre read it: the wall-clock time in the
// centre's zone ("13:30"), with the date when it is not today ("12月8日 09:00",
// "Dec 8 09:00"), and the year when it is not this year. Never raw UTC.

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function localTimeText(at: Date, timeZone: string, now: Date, locale: 'zh-CN' | 'en-US'): string {
  const { day, minute } = localClock(timeZone, at.getTime());
  const hm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.floor(minute % 60)).padStart(2, '0')}`;
  const today = localClock(timeZone, now.getTime()).day;
  if (day === today) return hm;
  const [y, m, d] = dateOfDay(day).split('-').map(Number);
  const sameYear = dateOfDay(today).slice(0, 4) === String(y);
  if (locale === 'zh-CN') return `${sameYear ? '' : `${y}年`}${m}月${d}日 ${hm}`;
  return `${EN_MONTHS[m - 1]} ${d}${sameYear ? '' : `, ${y}`} ${hm}`;
}

import { describe, expect, it } from 'vitest';
import { callerNumberInvalid, isSearchable, samePhone } from './customer-lookup.ts';

describe('workbench customer lookup', () => {
  it('searches a single Chinese character (a surname), digits from four on, other text from two', () => {
    expect(isSearchable('')).toBe(false);
    expect(isSearchable('  ')).toBe(false);
    expect(isSearchable('张')).toBe(true);
    expect(isSearchable(' 王 ')).toBe(true);
    expect(isSearchable('a')).toBe(false);
    expect(isSearchable('1')).toBe(false);
    expect(isSearchable('13')).toBe(false);
    expect(isSearchable('138')).toBe(false);
    expect(isSearchable('5678')).toBe(true);
    expect(isSearchable('56-78')).toBe(true);
    expect(isSearchable('138 1234 5678')).toBe(true);
    expect(isSearchable('ab')).toBe(true);
    expect(isSearchable('3号')).toBe(true);
  });

  it('matches a typed phone against listed customers, masked or not', () => {
    expect(samePhone('138 1234 5678', '13812345678', false)).toBe(true);
    expect(samePhone('+8613812345678', '13812345678', false)).toBe(true);
    expect(samePhone('13812345678', '13812345679', false)).toBe(false);
    expect(samePhone('13812345678', '138****5678', true)).toBe(true);
    expect(samePhone('13812349999', '138****5678', true)).toBe(false);
    expect(samePhone('010 62345678', '010-62345678', false)).toBe(true);
    expect(samePhone('12345', '12345', false)).toBe(false); // not a phone number
    expect(samePhone('13812345678', null, false)).toBe(false);
  });

  it('takes a caller number only when it is a phone number, or none at all (withheld)', () => {
    expect(callerNumberInvalid('12ab34')).toBe(true);
    expect(callerNumberInvalid('123')).toBe(true);
    expect(callerNumberInvalid('1381234567')).toBe(true);
    expect(callerNumberInvalid('138 1234 5678')).toBe(false);
    expect(callerNumberInvalid('0755-86001234')).toBe(false);
    expect(callerNumberInvalid('400-810-8888')).toBe(false);
    expect(callerNumberInvalid('')).toBe(false);
    expect(callerNumberInvalid('  ')).toBe(false);
  });
});

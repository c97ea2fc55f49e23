import { describe, expect, it } from 'vitest';
import { maskAddress, maskPhone, parsePhone } from './phone.ts';

describe('parsePhone', () => {
  it('normalizes mobiles, with or without +86 and spaces', () => {
    expect(parsePhone('138 1234 5678')?.normalized).toBe('13812345678');
    expect(parsePhone('+8613812345678')?.normalized).toBe('13812345678');
    expect(parsePhone('138-1234-5678')?.kind).toBe('mobile');
  });
  it('normalizes landlines with area code and extension', () => {
    expect(parsePhone('010 62345678')?.normalized).toBe('010-62345678');
    expect(parsePhone('0755-1234567')?.normalized).toBe('0755-1234567');
    expect(parsePhone('021-12345678-123')?.normalized).toBe('021-12345678-123');
    expect(parsePhone('400-800-1234')?.kind).toBe('service');
  });
  it('rejects what is not a Chinese phone number', () => {
    for (const bad of ['12345', '12812345678', '1381234567', '138123456789', 'abc', '62345678', '']) {
      expect(parsePhone(bad)).toBeNull();
    }
  });
});

describe('masking', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the area code and last four digits of a landline', () => {
    expect(maskPhone('0755-12345678')).toBe('0755-****5678');
  });
  it('keeps only the region of an address', () => {
    expect(maskAddress('北京市朝阳区幸福路12号')).toBe('北京市朝阳区****');
  });
});

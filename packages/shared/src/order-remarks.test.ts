import { describe, expect, it } from 'vitest';
import { checkRemark, parseRemark, parseShipDate, parseSize } from './order-remarks.ts';

const ctx = { today: '2026-11-01', orderSizes: [{ w: 1.24, h: 2 }], shipBy: '2026-11-02', maxShipDays: 45 };

describe('order remarks (ORD-05, ORD-07)', () => {
  it('reads sizes in metres or centimetres and ship dates with or without a year', () => {
    expect(parseSize('1.24*2')).toEqual({ w: 1.24, h: 2 });
    expect(parseSize('1.24m×2m')).toEqual({ w: 1.24, h: 2 });
    expect(parseSize('124×200cm')).toEqual({ w: 1.24, h: 2 });
    expect(parseShipDate('11月2日发货', '2026-11-01')).toBe('2026-11-02');
    expect(parseShipDate('1.5', '2026-12-20')).toBe('2027-01-05');
    expect(parseShipDate('2026-11-02', '2026-11-01')).toBe('2026-11-02');
    expect(parseRemark('张三,1.24*2,定制,11月2日发货,送货上门,好评返现', '2026-11-01')).toEqual({ name: '张三', size: { w: 1.24, h: 2 }, shipDate: '2026-11-02' });
  });

  it('passes a correct remark', () => {
    expect(checkRemark('张三,1.24*2,定制,11月2日发货,送货上门', ctx)).toEqual([]);
  });

  it('catches the classic errors: digits transposed, width and height swapped, 2 Nov written as 20 Nov, a past date', () => {
    expect(checkRemark('张三,1.42*2,定制,11月2日', ctx).map((i) => i.code)).toEqual(['SIZE_MISMATCH']);
    expect(checkRemark('张三,2*1.24,定制,11月2日', ctx).map((i) => i.code)).toEqual(['SIZE_SWAPPED']);
    expect(checkRemark('张三,1.24*2,定制,11月20日', ctx)).toEqual([{ code: 'SHIP_DATE_MISMATCH', date: '2026-11-20', agreed: '2026-11-02' }]);
    expect(checkRemark('张三,1.24*2,定制,10月20日', ctx).map((i) => i.code)).toEqual(['SHIP_DATE_PAST']);
    expect(checkRemark('张三,1.24*2,定制,2027-03-01', { ...ctx, shipBy: null }).map((i) => i.code)).toEqual(['SHIP_DATE_FAR']);
  });
});

describe('red-flag remarks (ORD-09)', () => {
  it('writes what changed with the date and the agent', async () => {
    const { redFlagRemark } = await import('./order-remarks.ts');
    expect(redFlagRemark('address', '文三路 9 号', '2026-11-20', '王丽')).toBe('客户要求修改地址,新地址为:文三路 9 号---2026.11.20 王丽');
    expect(redFlagRemark('attributes', '字体红色', '2026-11-20', '王丽')).toBe('客户拍下,要求修改成字体红色,已修改妥当---2026.11.20 王丽');
    expect(redFlagRemark('special', '开发票,抬头杭州某某公司', '2026-11-20', '王丽')).toBe('客户要求开发票,抬头杭州某某公司---2026.11.20 王丽');
  });
});

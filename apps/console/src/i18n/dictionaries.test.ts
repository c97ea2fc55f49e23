import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.ts';
import enUS from './en-US.ts';

const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys and the same placeholders', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, zh] of Object.entries(zhCN)) {
      expect({ key, vars: vars(enUS[key as keyof typeof zhCN]) }).toEqual({ key, vars: vars(zh) });
    }
  });
});

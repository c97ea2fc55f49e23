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

describe('notification kinds', () => {
  it('every kind the server sends has a name and a hint in both languages, and a rule-template name', async () => {
    const { NOTIFICATION_KINDS } = await import('@kefu/shared/notifications-api');
    for (const dict of [zhCN, enUS] as Record<string, string>[]) {
      for (const kind of NOTIFICATION_KINDS) {
        for (const key of [`notification.kind.${kind}`, `notification.kindHint.${kind}`, `rule.templateName.${kind}`]) {
          expect(dict[key], key).toBeTruthy();
        }
      }
    }
  });
});

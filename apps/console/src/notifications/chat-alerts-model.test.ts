import { describe, expect, it } from 'vitest';
import { alertPlan, DEFAULT_ALERT_PREFS, readAlertPrefs } from './chat-alerts-model.ts';

const ctx = { openHere: false, focused: false, prefs: { desktop: true, sound: true }, permission: 'granted' as const };

describe('alerts for a chat offered to me', () => {
  it('say nothing while I am looking at that conversation', () => {
    expect(alertPlan({ ...ctx, openHere: true, focused: true })).toEqual({ desktop: false, inApp: false, sound: false });
  });

  it('use a desktop notice when the console is behind other windows, inside the console when it is in front', () => {
    expect(alertPlan(ctx)).toEqual({ desktop: true, inApp: false, sound: true });
    expect(alertPlan({ ...ctx, focused: true })).toEqual({ desktop: false, inApp: true, sound: true });
    // open in a tab that is not in front: still worth a notice
    expect(alertPlan({ ...ctx, openHere: true })).toMatchObject({ desktop: true });
  });

  it('fall back to the console when the browser may not notify, and stay silent unless sound was asked for', () => {
    expect(alertPlan({ ...ctx, permission: 'denied' })).toEqual({ desktop: false, inApp: true, sound: true });
    expect(alertPlan({ ...ctx, permission: 'default', prefs: DEFAULT_ALERT_PREFS })).toEqual({ desktop: false, inApp: true, sound: false });
    expect(alertPlan({ ...ctx, prefs: { desktop: false, sound: false } })).toEqual({ desktop: false, inApp: true, sound: false });
  });

  it('read saved choices leniently: sound off and desktop on unless chosen otherwise', () => {
    expect(readAlertPrefs(null)).toEqual({ desktop: true, sound: false });
    expect(readAlertPrefs('{"sound":true}')).toEqual({ desktop: true, sound: true });
    expect(readAlertPrefs('{"desktop":false,"sound":"yes"}')).toEqual({ desktop: false, sound: false });
    expect(readAlertPrefs('not json')).toEqual(DEFAULT_ALERT_PREFS);
  });
});

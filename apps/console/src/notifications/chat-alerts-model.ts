// When a chat is offered to me (the distributor, a transfer): a desktop
// notice, a sound, or a notice inside the console — never while I am looking
// at that very conversation. Preferences are per user in this browser (the
// browser's own permission is per browser anyway); sound is off until asked for.

export interface AlertPrefs {
  desktop: boolean;
  sound: boolean;
}

export const DEFAULT_ALERT_PREFS: AlertPrefs = { desktop: true, sound: false };

export const alertPrefsKey = (userId: string) => `kefu.chatAlerts.${userId}`;

export function readAlertPrefs(raw: string | null): AlertPrefs {
  try {
    const v = raw ? (JSON.parse(raw) as Partial<AlertPrefs>) : {};
    return {
      desktop: typeof v.desktop === 'boolean' ? v.desktop : DEFAULT_ALERT_PREFS.desktop,
      sound: typeof v.sound === 'boolean' ? v.sound : DEFAULT_ALERT_PREFS.sound,
    };
  } catch {
    return { ...DEFAULT_ALERT_PREFS };
  }
}

export type DesktopPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export interface AlertContext {
  /** the conversation is open on this page (the inbox's pane, a supervisor's watch drawer) */
  openHere: boolean;
  /** the tab has the keyboard and is shown */
  focused: boolean;
  prefs: AlertPrefs;
  permission: DesktopPermission;
}

export interface AlertPlan {
  /** a system notice outside the browser */
  desktop: boolean;
  /** a notice inside the console (in front but elsewhere, or no system notice allowed) */
  inApp: boolean;
  sound: boolean;
}

const NOTHING: AlertPlan = { desktop: false, inApp: false, sound: false };

/** Someone is looking at that conversation in this tab right now. */
export function lookingAt(ctx: Pick<AlertContext, 'openHere' | 'focused'>): boolean {
  return ctx.openHere && ctx.focused;
}

export function alertPlan(ctx: AlertContext): AlertPlan {
  if (lookingAt(ctx)) return NOTHING;
  const desktop = !ctx.focused && ctx.prefs.desktop && ctx.permission === 'granted';
  return { desktop, inApp: !desktop, sound: ctx.prefs.sound };
}

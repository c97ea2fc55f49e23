import { ATTEMPT_RESULTS, SATISFACTION, type AttemptResult, type Satisfaction } from '@kefu/shared/callbacks';

// The callback screen is worked from the keyboard while the agent is on the
// phone: digits pick the result, S/N/U the satisfaction, T the call timer,
// Ctrl+Enter records the attempt.

export type HotkeyAction =
  | { kind: 'result'; result: AttemptResult }
  | { kind: 'satisfaction'; satisfaction: Satisfaction }
  | { kind: 'timer' }
  | { kind: 'submit' };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const LETTERS: Record<string, Satisfaction> = { KeyS: 'satisfied', KeyN: 'neutral', KeyU: 'unsatisfied' };

/** The letter shown next to each satisfaction. */
export const SATISFACTION_KEYS: Record<Satisfaction, string> = { satisfied: 'S', neutral: 'N', unsatisfied: 'U' };

/**
 * What a key press means. `typing`: the focus is in a text field, where plain
 * digits and letters are text; Alt+digit and Ctrl+Enter work everywhere.
 */
export function callbackHotkey(e: KeyLike, typing: boolean): HotkeyAction | null {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return { kind: 'submit' };
  if (e.ctrlKey || e.metaKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (e.altKey && !e.shiftKey) {
    // code, not key: Alt+1 types "¡" on a Mac
    const s = digit ? SATISFACTION[Number(digit[1]) - 1] : undefined;
    return s ? { kind: 'satisfaction', satisfaction: s } : null;
  }
  if (typing || e.altKey || e.shiftKey) return null;
  if (digit) {
    const r = ATTEMPT_RESULTS[Number(digit[1]) - 1];
    return r ? { kind: 'result', result: r } : null;
  }
  const s = LETTERS[e.code];
  if (s) return { kind: 'satisfaction', satisfaction: s };
  if (e.code === 'KeyT') return { kind: 'timer' };
  return null;
}

/** Text fields, pickers and editable areas take plain keys; radios, checkboxes and buttons do not. */
export function isTypingTarget(el: Element | null): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(el.type);
  return false;
}

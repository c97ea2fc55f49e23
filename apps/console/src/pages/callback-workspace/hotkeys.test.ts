import { describe, expect, it } from 'vitest';
import { callbackHotkey, type KeyLike } from './hotkeys.ts';

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: code.replace(/^(Digit|Key)/, '').toLowerCase(),
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('callback hotkeys', () => {
  it('digits 1–6 pick the result in the order of the form', () => {
    expect(callbackHotkey(key('Digit1'), false)).toEqual({ kind: 'result', result: 'reached' });
    expect(callbackHotkey(key('Digit4'), false)).toEqual({ kind: 'result', result: 'appointment' });
    expect(callbackHotkey(key('Numpad6'), false)).toEqual({ kind: 'result', result: 'wrong_number' });
    expect(callbackHotkey(key('Digit7'), false)).toBeNull();
  });

  it('S/N/U and Alt+1/2/3 pick the satisfaction', () => {
    expect(callbackHotkey(key('KeyS'), false)).toEqual({ kind: 'satisfaction', satisfaction: 'satisfied' });
    expect(callbackHotkey(key('KeyN'), false)).toEqual({ kind: 'satisfaction', satisfaction: 'neutral' });
    expect(callbackHotkey(key('KeyU'), false)).toEqual({ kind: 'satisfaction', satisfaction: 'unsatisfied' });
    expect(callbackHotkey({ ...key('Digit3', { altKey: true }), key: '£' }, false)).toEqual({ kind: 'satisfaction', satisfaction: 'unsatisfied' });
    expect(callbackHotkey(key('Digit4', { altKey: true }), false)).toBeNull();
  });

  it('leaves plain keys to a text field, but Alt+digit and Ctrl+Enter work there too', () => {
    expect(callbackHotkey(key('Digit1'), true)).toBeNull();
    expect(callbackHotkey(key('KeyS'), true)).toBeNull();
    expect(callbackHotkey(key('KeyT'), true)).toBeNull();
    expect(callbackHotkey(key('Digit1', { altKey: true }), true)).toEqual({ kind: 'satisfaction', satisfaction: 'satisfied' });
    expect(callbackHotkey({ ...key('Enter', { ctrlKey: true }), key: 'Enter' }, true)).toEqual({ kind: 'submit' });
    expect(callbackHotkey({ ...key('Enter', { metaKey: true }), key: 'Enter' }, false)).toEqual({ kind: 'submit' });
  });

  it('T toggles the timer; browser shortcuts pass through', () => {
    expect(callbackHotkey(key('KeyT'), false)).toEqual({ kind: 'timer' });
    expect(callbackHotkey(key('KeyS', { ctrlKey: true }), false)).toBeNull();
    expect(callbackHotkey(key('Digit1', { ctrlKey: true }), false)).toBeNull();
    expect(callbackHotkey(key('KeyS', { shiftKey: true }), false)).toBeNull();
    expect(callbackHotkey({ ...key('Enter'), key: 'Enter' }, false)).toBeNull();
  });
});

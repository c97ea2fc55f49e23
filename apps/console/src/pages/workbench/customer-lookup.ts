import { maskPhone, parsePhone } from '@kefu/shared/phone';

// Rules of the workbench's customer lookup, kept apart from the components so
// they can be tested without a DOM.

const CJK = /^[\p{Script=Han}]$/u;

/**
 * Whether a search text is worth sending. The server matches digits against
 * phone endings from 4 digits on; a single Chinese character is a surname;
 * anything else needs two characters.
 */
export function isSearchable(q: string): boolean {
  const text = q.trim();
  if (!text) return false;
  const digits = text.replace(/[\s\-()+]/g, '');
  if (/^\d+$/.test(digits)) return digits.length >= 4;
  const chars = [...text];
  return chars.length >= 2 || CJK.test(chars[0]);
}

/**
 * Whether a listed customer has the phone number typed for a new customer.
 * Without customer:view_pii the list shows masked numbers: compare masked.
 */
export function samePhone(typed: string, listed: string | null, masked: boolean): boolean {
  const p = parsePhone(typed);
  if (!p || !listed) return false;
  if (masked) return maskPhone(p.normalized) === listed;
  return (parsePhone(listed)?.normalized ?? listed) === p.normalized;
}

/**
 * Whether the caller number typed is no phone number (the server refuses it
 * with 422 INVALID_PHONE); an empty one is a withheld number, which is fine.
 */
export function callerNumberInvalid(typed: string): boolean {
  const v = typed.trim();
  return !!v && !parsePhone(v);
}

// Chinese phone numbers: mobiles (11 digits starting 1[3-9]), landlines with an
// area code (010-12345678, 0755-1234567, optional extension) and 400/800 service
// numbers. Stored normalized (digits, landline keeps one dash after the area
// code) so that lookups by the full number or by the last digits are exact.

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
// area codes: 010 and 02x have three digits, all others four
const LANDLINE = /^(010|02\d|0[3-9]\d{2})-?(\d{7,8})(?:-(\d{1,6}))?$/;
const SERVICE = /^([48]00)-?(\d{3})-?(\d{4})$/;

export type PhoneKind = 'mobile' | 'landline' | 'service';

export interface ParsedPhone {
  kind: PhoneKind;
  /** canonical form stored in the database */
  normalized: string;
  /** digits only, used for suffix lookups */
  digits: string;
}

export function parsePhone(input: string): ParsedPhone | null {
  const raw = input.trim().replace(/[\s()（）]/g, '').replace(/—|－/g, '-');
  const m = MOBILE.exec(raw.replace(/-/g, ''));
  if (m) return { kind: 'mobile', normalized: m[1], digits: m[1] };
  const l = LANDLINE.exec(raw);
  if (l) {
    const normalized = `${l[1]}-${l[2]}${l[3] ? `-${l[3]}` : ''}`;
    return { kind: 'landline', normalized, digits: normalized.replace(/-/g, '') };
  }
  const s = SERVICE.exec(raw);
  if (s) {
    const digits = `${s[1]}${s[2]}${s[3]}`;
    return { kind: 'service', normalized: `${s[1]}-${s[2]}-${s[3]}`, digits };
  }
  return null;
}

/** 13812345678 -> 138****5678; 0755-12345678 -> 0755-****5678 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const dash = phone.indexOf('-');
  if (dash > 0 && phone.startsWith('0')) {
    const rest = phone.slice(dash + 1);
    return `${phone.slice(0, dash)}-${'*'.repeat(Math.max(rest.length - 4, 0))}${rest.slice(-4)}`;
  }
  if (phone.length <= 7) return `${'*'.repeat(Math.max(phone.length - 4, 0))}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Keeps the first letter of the mailbox and the domain: z***@example.com. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

/** Keeps the region part of an address (first 6 characters) and hides the rest. */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  const keep = Math.min(6, Math.floor(address.length / 2));
  return `${address.slice(0, keep)}****`;
}

/**
 * Whether a customer search text is a phone number or its last 4+ digits.
 * Only roles that see phones unmasked may search by them: the answers would
 * otherwise spell out a masked number digit by digit.
 */
export function isPhoneSearch(text: string): boolean {
  return /^\d{4,}$/.test(text.trim().replace(/[\s\-()+]/g, ''));
}

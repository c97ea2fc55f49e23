/**
 * 128 random bits as hex. Not crypto.randomUUID: that exists only on https
 * pages, and shops embed the widget on plain http ones too.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

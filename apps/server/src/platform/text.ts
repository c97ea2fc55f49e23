/**
 * The first `max` characters of a text, counted in code points: a cut never
 * splits an emoji or another character outside the BMP into half a surrogate
 * pair (which PostgreSQL refuses as invalid UTF-8).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * Dates and times clients send must parse and name a year in YEAR_RANGE:
 * JavaScript reaches year 275760 but PostgreSQL refuses such values (and year
 * 0), and no business date is that far off.
 */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

export function isSaneInstant(v: string): boolean {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return false;
  const y = d.getUTCFullYear();
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
}

import { sql, type SQL } from 'drizzle-orm';
import { grams, toVectorLiteral } from '../../platform/search/tokenize.ts';

/** The vector's text (for rows written in bulk, cast to tsvector by the statement). */
export function customerVectorText(name: string, address: string | null | undefined): string {
  return toVectorLiteral([...grams(name), ...grams(address ?? '')]);
}

export function customerSearchVector(name: string, address: string | null | undefined): SQL {
  return sql`${customerVectorText(name, address)}::tsvector`;
}

export function reversedDigits(digits: string): string {
  return [...digits].reverse().join('');
}

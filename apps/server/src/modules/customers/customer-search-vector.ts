import { sql, type SQL } from 'drizzle-orm';
import { grams, toVectorLiteral } from '../../platform/search/tokenize.ts';

export function customerSearchVector(name: string, address: string | null | undefined): SQL {
  return sql`${toVectorLiteral([...grams(name), ...grams(address ?? '')])}::tsvector`;
}

export function reversedDigits(digits: string): string {
  return [...digits].reverse().join('');
}

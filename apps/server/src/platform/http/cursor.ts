import { AppError } from '../errors.ts';

// Keyset pagination: the cursor carries the sort value and id of the last row.

export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string; id: string } {
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof sortValue !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad');
    if (Number.isNaN(new Date(sortValue).getTime())) throw new Error('bad');
    return { sortValue, id };
  } catch {
    throw new AppError('BAD_REQUEST', { summary: 'cursor' });
  }
}

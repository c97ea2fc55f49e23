import { api } from './client.ts';
import type { Page, TicketListItem } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID.test(s.trim());
}

/**
 * A work order by its number (GD20261127-0008), among those the user may see.
 * The list API has no exact-number filter: search, then keep the exact match.
 */
export async function findTicketByNumber(number: string): Promise<TicketListItem | null> {
  const n = number.trim();
  if (!n) return null;
  const page = await api.get<Page<TicketListItem>>('/tickets', { view: 'all', q: n, limit: 20 });
  return page.items.find((x) => x.number.toLowerCase() === n.toLowerCase()) ?? null;
}

/** A number or an id, as a user types it, to the work order's id (null: not found). */
export async function resolveTicketId(input: string): Promise<string | null> {
  const s = input.trim();
  if (!s) return null;
  if (isUuid(s)) return s;
  return (await findTicketByNumber(s))?.id ?? null;
}

import { useUrlFilters } from '../../hooks/use-url-filters.ts';
import type { Query } from '../../api/client.ts';

export type TicketView = 'mine' | 'team' | 'all';

export interface TicketFilters {
  view: TicketView;
  type?: string;
  status: string[];
  assigneeId?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: 'created' | 'updated';
  order: 'asc' | 'desc';
}

const VIEWS: TicketView[] = ['mine', 'team', 'all'];

/** The list's filters live in the URL query string, so a view can be bookmarked and shared. */
export function useTicketFilters(): [TicketFilters, (patch: Partial<TicketFilters>) => void] {
  return useUrlFilters(parseFilters, writeFilters);
}

function writeFilters(f: TicketFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(f))) if (v) out.set(k, String(v));
  return out;
}

export function parseFilters(params: URLSearchParams): TicketFilters {
  const view = params.get('view') as TicketView | null;
  const get = (k: string) => params.get(k) || undefined;
  return {
    view: view && VIEWS.includes(view) ? view : 'mine',
    type: get('type'),
    status: (params.get('status') ?? '').split(',').filter(Boolean),
    assigneeId: get('assigneeId'),
    from: get('from'),
    to: get('to'),
    q: get('q'),
    sort: params.get('sort') === 'updated' ? 'updated' : 'created',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export function toQuery(f: TicketFilters): Query {
  return {
    view: f.view,
    type: f.type,
    status: f.status.join(',') || undefined,
    assigneeId: f.assigneeId,
    from: f.from,
    to: f.to,
    q: f.q,
    sort: f.sort,
    order: f.order,
  };
}

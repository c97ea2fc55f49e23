import { useUrlFilters } from '../../hooks/use-url-filters.ts';
import type { Query } from '../../api/client.ts';
import { DUE_RANGES, dueToFor, type DueRange } from './callback-urgency.ts';

export const CALLBACK_VIEWS = ['mine', 'team', 'all'] as const;
export type CallbackView = (typeof CALLBACK_VIEWS)[number];
export const STATUS_FILTERS = ['open', 'done', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface CallbackFilters {
  view: CallbackView;
  status: StatusFilter;
  due: DueRange;
}

const pick = <T extends string>(v: string | null, all: readonly T[], fallback: T): T => (v && all.includes(v as T) ? (v as T) : fallback);

/** Filters live in the URL, so the back button from a callback returns to the same list. */
export function useCallbackFilters(): [CallbackFilters, (patch: Partial<CallbackFilters>) => void] {
  return useUrlFilters(parseCallbackFilters, writeCallbackFilters);
}

function parseCallbackFilters(params: URLSearchParams): CallbackFilters {
  return {
    view: pick(params.get('view'), CALLBACK_VIEWS, 'mine'),
    status: pick(params.get('status'), STATUS_FILTERS, 'open'),
    due: pick(params.get('due'), DUE_RANGES, 'all'),
  };
}

function writeCallbackFilters(f: CallbackFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.view !== 'mine') out.set('view', f.view);
  if (f.status !== 'open') out.set('status', f.status);
  if (f.due !== 'all') out.set('due', f.due);
  return out;
}

/** The list query. "Done" means finished either way: done by a call, or closed by a manager. */
export function callbackQuery(f: CallbackFilters, now: number): Query {
  return {
    view: f.view,
    status: f.status === 'open' ? 'open' : f.status === 'done' ? 'done,closed' : undefined,
    dueTo: dueToFor(f.due, now),
  };
}

// Read latencies over HTTP, one request at a time, a random input per sample.

import { Rng } from './random.ts';

export interface Stats { samples: number; p50: number; p99: number; max: number; mean: number; avgItems: number; errors: number }

export type ReadKind = 'queue' | 'filtered' | 'filteredPage2' | 'phone' | 'last4' | 'text';

export const READ_LABELS: Record<ReadKind, string> = {
  queue: 'queue view (mine, new/open/pending, by updated)',
  filtered: 'filtered list (complaint, resolved, date range)',
  filteredPage2: 'filtered list, page 2 (nextCursor)',
  phone: 'customer by full phone',
  last4: 'customer by last 4 digits',
  text: 'text search q=异味',
};

export interface ReadInputs {
  baseUrl: string;
  /** bearer tokens by demo username */
  tokens: Record<string, string>;
  phones: string[];
  samples: number;
}

/** A request of each kind, with its random input. */
export interface ReadRequest { kind: ReadKind; user: string; path: string }

const DAY = 86_400_000;

export function readRequest(kind: Exclude<ReadKind, 'filteredPage2'>, rng: Rng, phones: string[]): ReadRequest {
  switch (kind) {
    case 'queue':
      return { kind, user: rng.pick(['operator', 'operator2', 'lead']), path: '/api/v1/tickets?view=mine&status=new,open,pending&sort=updated&limit=20' };
    case 'filtered': {
      const to = Date.now() - rng.int(0, 300) * DAY - rng.int(0, DAY);
      const from = to - rng.pick([7, 30, 30, 90]) * DAY;
      const q = new URLSearchParams({ view: 'all', type: 'complaint', status: 'resolved', from: new Date(from).toISOString(), to: new Date(to).toISOString(), limit: '20' });
      return { kind, user: 'cs_manager', path: `/api/v1/tickets?${q}` };
    }
    case 'phone':
      return { kind, user: 'operator', path: `/api/v1/customers?q=${rng.pick(phones)}` };
    case 'last4':
      return { kind, user: 'operator', path: `/api/v1/customers?q=${rng.pick(phones).slice(-4)}` };
    case 'text':
      return { kind, user: 'cs_manager', path: `/api/v1/tickets?q=${encodeURIComponent('异味')}&limit=20` };
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function stats(times: number[], items: number[], errors: number): Stats {
  const s = [...times].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    samples: s.length,
    p50: round(percentile(s, 50)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
    avgItems: round(items.reduce((a, b) => a + b, 0) / (items.length || 1)),
    errors,
  };
}

export async function timedGet(baseUrl: string, token: string, path: string): Promise<{ ms: number; status: number; body: any }> {
  const t = performance.now();
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  return { ms: performance.now() - t, status: res.status, body };
}

export async function measureReads(inputs: ReadInputs, log: (s: string) => void): Promise<Record<ReadKind, Stats>> {
  const rng = new Rng(Math.floor(Math.random() * 2 ** 31));
  const out = {} as Record<ReadKind, Stats>;
  const kinds = ['queue', 'filtered', 'phone', 'last4', 'text'] as const;
  for (const kind of kinds) {
    const times: number[] = [];
    const items: number[] = [];
    const times2: number[] = [];
    const items2: number[] = [];
    let errors = 0;
    let errors2 = 0;
    // a few unmeasured requests first: connection, JIT, caches
    for (let i = 0; i < inputs.samples + 5; i++) {
      const warm = i < 5;
      const r = readRequest(kind, rng, inputs.phones);
      const token = inputs.tokens[r.user];
      const res = await timedGet(inputs.baseUrl, token, r.path);
      if (warm) continue;
      if (res.status !== 200) {
        errors++;
        if (errors === 1) log(`  ${kind}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      times.push(res.ms);
      items.push(res.body.items.length);
      if (kind === 'filtered' && res.body.nextCursor) {
        const p2 = await timedGet(inputs.baseUrl, token, `${r.path}&cursor=${encodeURIComponent(res.body.nextCursor)}`);
        if (p2.status !== 200) errors2++;
        else {
          times2.push(p2.ms);
          items2.push(p2.body.items.length);
        }
      }
    }
    out[kind] = stats(times, items, errors);
    if (kind === 'filtered') out.filteredPage2 = stats(times2, items2, errors2);
    log(`  ${kind}: p50 ${out[kind].p50} ms, p99 ${out[kind].p99} ms (${out[kind].avgItems} items on average)`);
  }
  return out;
}

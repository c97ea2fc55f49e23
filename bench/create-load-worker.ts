// A child process (autocannon aggregates its results only on a main thread):
// POSTs new work orders, each with a new customer (unique phone), alternating
// complaints and orders, and sends the results to the parent.

import autocannon from 'autocannon';
import { Rng } from './random.ts';
import { address, createdPhone, personName, ticketFields } from './ticket-content.ts';

export interface CreateLoadInput {
  baseUrl: string; token: string; duration: number; connections: number; seed: number;
  /** first number for createdPhone (default: derived from the seed); phones are phoneBase + 0, 1, 2 … */
  phoneBase?: number;
  /** requests per second over all connections (default: as fast as the server answers) */
  overallRate?: number;
  /** where to POST (default: the app's work-order creation); the bare baseline uses its own route */
  path?: string;
  /** stop after this many requests instead of after `duration` */
  amount?: number;
}

const input = JSON.parse(process.argv[2]) as CreateLoadInput;
const { baseUrl, token, duration, connections, seed } = input;
const rng = new Rng(seed);
let sent = 0;
let created = 0;
const failures: { status: number; body: string }[] = [];
const phoneBase = input.phoneBase ?? seed % 1_000_000 * 100; // different runs, different phones

function body(n: number): string {
  const now = Date.now();
  const type = n % 2 ? 'order' : 'complaint';
  return JSON.stringify({
    type,
    channel: 'phone',
    priority: 'normal',
    customer: { name: personName(rng), phone: createdPhone(phoneBase + n), address: address(rng) },
    fields: ticketFields(type, rng, now),
  });
}

process.send!({ started: true, phoneBase });
const result = await autocannon({
  url: baseUrl,
  connections,
  ...(input.amount ? { amount: input.amount } : { duration }),
  ...(input.overallRate ? { overallRate: input.overallRate } : {}),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  requests: [{
    method: 'POST',
    path: input.path ?? '/api/v1/tickets',
    setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body(sent++) }),
    onResponse: (status: number, resBody: string) => {
      if (status === 201) created++;
      else if (failures.length < 5) failures.push({ status, body: String(resBody).slice(0, 500) });
    },
  }],
});

process.send!({
  phoneBase,
  sent,
  created,
  failures,
  requestsPerSecond: result.requests.average,
  latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodeStats: result.statusCodeStats,
  seconds: result.duration,
  total: result.requests.total,
}, () => process.exit(0));

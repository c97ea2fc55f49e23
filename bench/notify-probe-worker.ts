// A child process, the "separate client" of the notification measurement:
// holds a WebSocket to /api/v1/realtime as the watcher (qc_manager), and once
// told to start, POSTs a product-quality complaint every intervalMs for
// duration seconds as another user. Each probe's send time, 201 time and the
// time its first in-app notification arrives on the socket are taken here, on
// one clock; the load's own complaints notify the watcher too, so probes are
// matched by ticket id. After sending stops it waits up to waitMs for the
// missing notifications, then sends the raw timings to the parent.

import WebSocket from 'ws';
import { Rng } from './random.ts';
import { address, personName, ticketFields } from './ticket-content.ts';

export interface ProbeInput {
  baseUrl: string;
  /** the probes' author (not the load's user) */
  token: string;
  /** the watcher whose socket receives the notifications */
  watchToken: string;
  duration: number;
  intervalMs: number;
  waitMs: number;
  seed: number;
}

export interface ProbeTiming {
  /** ms since the first probe was sent */
  sentAt: number;
  status: number;
  /** 201 (or error) response received */
  respondedAt: number | null;
  ticketId: string | null;
  notifiedAt: number | null;
}

export interface ProbeOutput {
  probes: ProbeTiming[];
  /** notifications of any work order the watcher got while the probe ran */
  notificationsSeen: number;
  waitedMs: number;
  socketErrors: string[];
  failures: { status: number; body: string }[];
}

const input = JSON.parse(process.argv[2]) as ProbeInput;
const rng = new Rng(input.seed);
const wsUrl = `${input.baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`;
const firstNotice = new Map<string, number>();
let notificationsSeen = 0;
const socketErrors: string[] = [];
let t0 = 0;
const now = () => performance.now() - t0;

const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${input.watchToken}` } });
ws.on('message', (data) => {
  const at = now();
  const m = JSON.parse(String(data)) as { type: string; userId?: string; notification?: { ticketId: string | null } };
  if (m.type === 'hello') process.send!({ ready: true, userId: m.userId });
  if (m.type !== 'notification' || !m.notification?.ticketId) return;
  notificationsSeen++;
  if (!firstNotice.has(m.notification.ticketId)) firstNotice.set(m.notification.ticketId, at);
});
ws.on('error', (e) => socketErrors.push(String(e)));
ws.on('close', (code) => socketErrors.push(`socket closed: ${code}`));
ws.on('unexpected-response', (_req, res) => {
  socketErrors.push(`upgrade refused: HTTP ${res.statusCode}`);
  process.send!({ ready: false, error: `upgrade refused: HTTP ${res.statusCode}` });
});

/** A valid product-quality complaint (the template's QC rule fires on it), no injury (no subtask). */
function complaint(n: number): string {
  let fields: Record<string, unknown>;
  do fields = ticketFields('complaint', rng, Date.now());
  while (fields.category !== 'product_quality' || fields.validity !== 'valid' || fields.injury);
  return JSON.stringify({
    type: 'complaint', channel: 'phone', priority: 'normal',
    // 197 is never used by the loaded customers nor by the creation load (198 / 199)
    customer: { name: personName(rng), phone: `197${String(input.seed % 10_000 * 10_000 + n).padStart(8, '0')}`, address: address(rng) },
    fields,
  });
}

const probes: ProbeTiming[] = [];
const failures: { status: number; body: string }[] = [];

async function probe(n: number): Promise<void> {
  const p: ProbeTiming = { sentAt: now(), status: 0, respondedAt: null, ticketId: null, notifiedAt: null };
  probes.push(p);
  try {
    const res = await fetch(`${input.baseUrl}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}` },
      body: complaint(n),
    });
    p.status = res.status;
    const body = await res.text();
    p.respondedAt = now();
    if (res.status === 201) p.ticketId = (JSON.parse(body) as { id: string }).id;
    else if (failures.length < 5) failures.push({ status: res.status, body: body.slice(0, 500) });
  } catch (e) {
    p.respondedAt = now();
    if (failures.length < 5) failures.push({ status: 0, body: String(e).slice(0, 500) });
  }
}

async function run(): Promise<void> {
  t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  const end = input.duration * 1000;
  // one probe per interval on a fixed schedule, whether or not the previous one was answered
  for (let n = 0; n * input.intervalMs < end; n++) {
    const due = n * input.intervalMs;
    if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
    inFlight.push(probe(n));
  }
  const loadEnded = now() < end ? end : now();
  if (loadEnded > now()) await new Promise((r) => setTimeout(r, loadEnded - now()));
  const missing = () => probes.some((p) => p.status === 201 && !firstNotice.has(p.ticketId!)) || probes.some((p) => p.respondedAt === null);
  while (missing() && now() - loadEnded < input.waitMs) await new Promise((r) => setTimeout(r, 20));
  await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 1000))]);
  for (const p of probes) if (p.ticketId) p.notifiedAt = firstNotice.get(p.ticketId) ?? null;
  const out: ProbeOutput = { probes, notificationsSeen, waitedMs: Math.max(0, now() - loadEnded), socketErrors, failures };
  ws.removeAllListeners('close');
  ws.close();
  process.send!(out, () => process.exit(0));
}

process.on('message', (m) => {
  if ((m as { start?: boolean }).start) void run();
});

import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

// A product-quality complaint taken by `op` and resolved by `qc`, its
// background work (routing, callbacks, survey) done: where the callback tests start.

let phone = 13877770000;

/** A phone number no other complaint of this test file has used. */
export function nextPhone(): string {
  return String(phone++);
}

export async function resolvedComplaint(t: TestApp, op: string, qc: string, name = '回访客户'): Promise<{ id: string; number: string; customerId: string }> {
  const created = await t.request(op, 'POST', '/api/v1/tickets', {
    type: 'complaint', channel: 'phone', customer: { name, phone: nextPhone() },
    fields: { target: '鲜奶', reason: '异味', validity: 'valid', category: 'product_quality', symptom: 'odour', batchNumber: 'B9' },
  });
  expect(created.status).toBe(201);
  const resolved = await t.request(qc, 'PATCH', `/api/v1/tickets/${created.body.id}`, { status: 'resolved', resolution: '已上门退换' });
  expect(resolved.status).toBe(200);
  await t.drain();
  return created.body;
}

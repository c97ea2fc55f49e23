// The statements one real POST /api/v1/tickets sends to PostgreSQL, counted
// at the driver while nothing else runs (the consumer and job runner are
// stopped in this phase): session lookup, the intake statement, BEGIN/COMMIT,
// whatever the route does. A warm-up POST first, as under load (caches of
// forms, rules, org directory filled).

import { countStatements, totalOf } from './instrument.ts';
import { Rng } from './random.ts';
import { address, createdPhone, personName, ticketFields } from './ticket-content.ts';

export interface PostStatements {
  /** null on PGlite (its queries do not go through node-postgres) */
  total: number | null;
  counts: Record<string, number> | null;
  texts: string[];
}

export async function postStatements(kind: 'postgres' | 'pglite', baseUrl: string, token: string): Promise<PostStatements> {
  const rng = new Rng(11);
  const post = async (n: number) => {
    const res = await fetch(`${baseUrl}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'complaint', channel: 'phone', priority: 'normal',
        customer: { name: personName(rng), phone: createdPhone(99_999_990 + n), address: address(rng) },
        fields: ticketFields('complaint', rng, Date.now()),
      }),
    });
    if (res.status !== 201) throw new Error(`statement count: POST answered ${res.status} ${await res.text()}`);
  };
  await post(0);
  const counting = countStatements(kind);
  await post(1);
  const got = counting.stop();
  return got ? { total: totalOf(got.counts), counts: got.counts, texts: got.texts } : { total: null, counts: null, texts: [] };
}

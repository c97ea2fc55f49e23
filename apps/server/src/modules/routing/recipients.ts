import type { Recipient } from '@kefu/shared/rules';
import type { Tx } from '../../db/client.ts';
import { lastAssigned, openLoads } from '../tickets/tickets.queries.ts';

export type Strategy = 'direct' | 'round_robin' | 'least_loaded';

/**
 * Picks one person: least loaded = fewest open work orders; round robin = the
 * one whose latest assignment is oldest (derived from the data, so several
 * server processes agree without a shared counter). A batch of events reads
 * each candidate's load once and counts its own assignments in memory.
 */
export class AssigneePicker {
  private loads = new Map<string, number>();
  private last = new Map<string, number>();

  constructor(private tx: Tx) {}

  async pick(candidates: string[], strategy: Strategy): Promise<string | null> {
    if (!candidates.length) return null;
    if (strategy === 'direct' || candidates.length === 1) return candidates[0];
    const table = strategy === 'least_loaded' ? this.loads : this.last;
    const missing = candidates.filter((id) => !table.has(id));
    if (missing.length) {
      const got = strategy === 'least_loaded' ? await openLoads(this.tx, missing) : await lastAssigned(this.tx, missing);
      for (const id of missing) table.set(id, got.get(id) ?? 0);
    }
    return [...candidates].sort((a, b) => table.get(a)! - table.get(b)! || candidates.indexOf(a) - candidates.indexOf(b))[0];
  }

  /** This batch gave someone work (and maybe took it from someone else). */
  assigned(to: string | null, from: string | null, at: Date): void {
    if (to && this.loads.has(to)) this.loads.set(to, this.loads.get(to)! + 1);
    if (from && this.loads.has(from)) this.loads.set(from, Math.max(0, this.loads.get(from)! - 1));
    if (to && this.last.has(to)) this.last.set(to, at.getTime());
  }
}

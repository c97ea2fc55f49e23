import type { Specialist } from '@kefu/shared/customer-archive-api';

export interface Candidate { id: string; name: string; tier: string | null; ownerId: string | null }
export interface Planned { customerId: string; customerName: string; tier: string | null; fromOwnerId: string | null; ownerId: string; ownerName: string }

/**
 * Who takes which customer (CUS-03: 负责客户数量均衡、兼顾业务能力). Each customer
 * goes to the eligible specialist whose load after taking it, divided by
 * skill, is lowest — so loads stay balanced in proportion to skill. A class
 * that some specialists are dedicated to (their classes name it: 专属客服 for
 * A-class members) goes only to them; other classes go to those who name no
 * class. A full specialist (capacity) takes no more. Scarce classes go first (the order of
 * `classOrder`, A before B before C), so the few who may take A-class
 * customers are not filled up with C first. Ties go to the lower load, then
 * by name, so the same input always gives the same plan.
 */
export function planAssignments(customers: Candidate[], specialists: Specialist[], classOrder: string[]): { planned: Planned[]; unassignable: Candidate[]; loads: Map<string, number> } {
  const rank = (tier: string | null) => {
    const i = tier ? classOrder.indexOf(tier) : -1;
    return i < 0 ? classOrder.length : i;
  };
  const active = specialists.filter((s) => s.active);
  const dedicated = new Set(active.flatMap((s) => s.classes));
  const eligible = (s: Specialist, tier: string | null) => (tier && dedicated.has(tier) ? s.classes.includes(tier) : s.classes.length === 0);
  const ordered = [...customers].sort((a, b) => rank(a.tier) - rank(b.tier));
  const loads = new Map(specialists.map((s) => [s.userId, s.load]));
  const planned: Planned[] = [];
  const unassignable: Candidate[] = [];
  for (const c of ordered) {
    // a customer re-planned off its owner no longer counts on that owner
    if (c.ownerId && loads.has(c.ownerId)) loads.set(c.ownerId, loads.get(c.ownerId)! - 1);
    let best: Specialist | null = null;
    let bestScore = Infinity;
    for (const s of active) {
      if (!eligible(s, c.tier)) continue;
      const load = loads.get(s.userId)!;
      if (s.capacity !== null && load >= s.capacity) continue;
      const score = (load + 1) / s.skill;
      if (score < bestScore || (score === bestScore && best && (load < loads.get(best.userId)! || (load === loads.get(best.userId)! && s.name < best.name)))) {
        best = s;
        bestScore = score;
      }
    }
    if (!best) {
      if (c.ownerId && loads.has(c.ownerId)) loads.set(c.ownerId, loads.get(c.ownerId)! + 1);
      unassignable.push(c);
      continue;
    }
    loads.set(best.userId, loads.get(best.userId)! + 1);
    planned.push({ customerId: c.id, customerName: c.name, tier: c.tier, fromOwnerId: c.ownerId, ownerId: best.userId, ownerName: best.name });
  }
  return { planned, unassignable, loads };
}

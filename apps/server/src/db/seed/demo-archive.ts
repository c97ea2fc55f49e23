import { inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { customerSpecialists, users } from '../schema/index.ts';

// The demo's customer specialists (CUS-03): 王丽 takes any class, 张敏 (the
// team lead, more experienced) is the dedicated owner of A-class members
// (专属客服). The supervisor assigns customers to them on 客户分配.

export async function seedDemoArchive(db: Db): Promise<void> {
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['operator', 'lead']));
  const idOf = (u: string) => people.find((p) => p.username === u)?.id;
  const rows = [
    { userId: idOf('operator'), skill: 3, classes: [] as string[] },
    { userId: idOf('lead'), skill: 4, classes: ['A'] },
  ].filter((r): r is { userId: string; skill: number; classes: string[] } => !!r.userId);
  if (rows.length) await db.insert(customerSpecialists).values(rows).onConflictDoNothing();
}

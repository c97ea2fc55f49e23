import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { forgetSessionsOf } from '../../platform/auth/sessions.ts';
import type { Principal } from '../../platform/auth/principal.ts';

/**
 * A user changes their own password: the current one is required (a session
 * left open on a shared desk must not be enough), and every other session of
 * theirs ends — the one making the change stays signed in.
 */
export async function changeOwnPassword(db: Db, me: Principal, oldPassword: string, newPassword: string): Promise<void> {
  const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, me.userId));
  if (!u || !(await verifyPassword(u.hash, oldPassword))) throw new AppError('WRONG_PASSWORD');
  if (oldPassword === newPassword) throw new AppError('SAME_PASSWORD');
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, me.userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, me.userId), ne(sessions.id, me.sessionId)));
  });
  // this instance forgets them now; others within the session cache's few seconds
  forgetSessionsOf(me.userId);
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, loadPrincipal } from '../../platform/auth/sessions.ts';
import type { Principal } from '../../platform/auth/principal.ts';

// A fixed hash to verify against when the user does not exist, so timing does
// not reveal which usernames are taken.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3q2pQ6Y7b8Vt4Wm9n1Q3p5L7e9J1k3M5o7R9s1U3w5Y';

export async function login(
  db: Db,
  username: string,
  password: string,
  sessionDays: number,
): Promise<{ token: string; principal: Principal }> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(u?.passwordHash ?? DUMMY_HASH, password);
  if (!u || !ok || !u.active) throw new AppError('INVALID_CREDENTIALS');
  const token = await createSession(db, u.id, sessionDays);
  const principal = await loadPrincipal(db, u.id, 'new');
  if (!principal) throw new AppError('INVALID_CREDENTIALS');
  return { token, principal };
}

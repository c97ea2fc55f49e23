import type { DataScope, Permission } from '@kefu/shared/permissions';
import { AppError } from '../errors.ts';

/** Who is calling: always derived from the session or token, never from a body. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  jobNumber: string | null;
  teamId: string | null;
  departmentId: string | null;
  locale: 'zh-CN' | 'en-US';
  roles: { id: string; name: string }[];
  permissions: Set<Permission>;
  dataScope: DataScope;
  sessionId: string;
}

export function can(p: Principal, permission: Permission): boolean {
  return p.permissions.has(permission);
}

export function requirePermission(p: Principal, permission: Permission): void {
  if (!can(p, permission)) throw new AppError('FORBIDDEN', { permission });
}

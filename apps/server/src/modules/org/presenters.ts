import type { Principal } from '../../platform/auth/principal.ts';

export function presentMe(p: Principal) {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    jobNumber: p.jobNumber,
    locale: p.locale,
    departmentId: p.departmentId,
    teamId: p.teamId,
    roles: p.roles,
    permissions: [...p.permissions].sort(),
    dataScope: p.dataScope,
  };
}

export function iso<T extends { createdAt: Date }>(row: T): Omit<T, 'createdAt'> & { createdAt: string } {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

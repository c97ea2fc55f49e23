import type { Permission } from '@kefu/shared/permissions';
import { PERMISSIONS } from '@kefu/shared/permissions';
import type { Db } from '../client.ts';
import { departments, roles, teams, userRoles, users } from '../schema/index.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { eq } from 'drizzle-orm';

// The demo organisation: the dairy hotline CS center of the 恒康乳业 procedure
// (requirements ORG-01..05) and the departments it routes to.

export const DEMO_PASSWORD = 'kefu-demo';

const agentBase: Permission[] = [
  'ticket:create', 'ticket:view', 'ticket:update', 'ticket:note',
  'customer:view', 'customer:create', 'customer:update', 'customer:view_pii', 'interaction:create', 'form:view', 'callback:work',
  'conversation:work', 'renewal:view', 'order:view', 'order:edit',
];

export const DEMO_ROLES: { key: string; name: string; description: string; permissions: Permission[]; dataScope: string }[] = [
  { key: 'admin', name: '系统管理员', description: '管理组织架构、用户、角色和表单', permissions: [...PERMISSIONS], dataScope: 'all' },
  { key: 'operator', name: '接线员', description: '接听热线电话,填写记录单,建立工单', permissions: agentBase, dataScope: 'team' },
  { key: 'team_lead', name: '接线员组长', description: '管理本班热线业务,将订单、投诉等信息转交相关部门和人员', permissions: [...agentBase, 'ticket:assign', 'supervisor:view', 'callback:manage', 'conversation:manage', 'kb:edit'], dataScope: 'team' },
  { key: 'cs_manager', name: '客服中心经理', description: '热线电话处理流程的总责任人', permissions: [...agentBase, 'ticket:assign', 'form:manage', 'rule:manage', 'supervisor:view', 'callback:manage', 'survey:manage', 'conversation:manage', 'kb:edit', 'kb:publish', 'customer:manage', 'renewal:manage', 'renewal:approve_transfer', 'shop:manage'], dataScope: 'all' },
  { key: 'dept_manager', name: '部门负责人', description: '接收转交本部门(品控、总经办、营销)的投诉并处理;客户电话和地址脱敏显示', permissions: ['ticket:view', 'ticket:update', 'ticket:note', 'customer:view', 'form:view', 'callback:work', 'renewal:view'], dataScope: 'department' },
  { key: 'clerk', name: '内勤', description: '按客户类别接收订奶记录单并转交渠道业务员', permissions: ['ticket:view', 'ticket:update', 'ticket:note', 'customer:view', 'customer:view_pii', 'form:view', 'renewal:view'], dataScope: 'own' },
];

const DEPARTMENTS = [
  { key: 'cs', name: '客服中心' },
  { key: 'qc', name: '品控部' },
  { key: 'gm', name: '总经办' },
  { key: 'marketing', name: '营销中心' },
  { key: 'sales', name: '销售部' },
  { key: 'station', name: '基站' },
  { key: 'it', name: '信息部' },
];

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', job: 'A001', dept: 'it', team: null, role: 'admin' },
  { username: 'operator', displayName: '王丽', job: '1001', dept: 'cs', team: 'hotline', role: 'operator' },
  { username: 'operator2', displayName: '李娜', job: '1002', dept: 'cs', team: 'hotline', role: 'operator' },
  { username: 'lead', displayName: '张敏', job: '1000', dept: 'cs', team: 'hotline', role: 'team_lead' },
  { username: 'cs_manager', displayName: '陈刚', job: '0901', dept: 'cs', team: null, role: 'cs_manager' },
  { username: 'qc_manager', displayName: '刘强', job: '0501', dept: 'qc', team: null, role: 'dept_manager' },
  { username: 'gm_office', displayName: '赵静', job: '0101', dept: 'gm', team: null, role: 'dept_manager' },
  { username: 'marketing', displayName: '孙伟', job: '0301', dept: 'marketing', team: null, role: 'dept_manager' },
  { username: 'sales_clerk', displayName: '周芳', job: '0311', dept: 'sales', team: 'sales_desk', role: 'clerk' },
  { username: 'station_clerk', displayName: '吴磊', job: '0611', dept: 'station', team: 'station_desk', role: 'clerk' },
] as const;

export async function seedDemoOrg(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const deptIds: Record<string, string> = {};
    for (const d of DEPARTMENTS) {
      const [row] = await tx.insert(departments).values({ name: d.name }).returning();
      deptIds[d.key] = row.id;
    }
    const teamIds: Record<string, string> = {};
    for (const t of [
      { key: 'hotline', name: '热线一组', dept: 'cs' },
      { key: 'sales_desk', name: '销售内勤组', dept: 'sales' },
      { key: 'station_desk', name: '基站内勤组', dept: 'station' },
    ]) {
      const [row] = await tx.insert(teams).values({ name: t.name, departmentId: deptIds[t.dept] }).returning();
      teamIds[t.key] = row.id;
    }
    const roleIds: Record<string, string> = {};
    for (const r of DEMO_ROLES) {
      const [row] = await tx.insert(roles).values(r).returning();
      roleIds[r.key] = row.id;
    }
    for (const u of DEMO_USERS) {
      const [row] = await tx.insert(users).values({
        username: u.username, displayName: u.displayName, passwordHash: hash, jobNumber: u.job,
        departmentId: deptIds[u.dept], teamId: u.team ? teamIds[u.team] : null,
      }).returning();
      await tx.insert(userRoles).values({ userId: row.id, roleId: roleIds[u.role] });
      if (u.username === 'lead') await tx.update(teams).set({ leadId: row.id }).where(eq(teams.id, teamIds.hotline));
    }
  });
}

/** Without demo data, the first start creates one administrator so someone can sign in. */
export async function seedFirstAdmin(db: Db, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [role] = await tx.insert(roles).values(DEMO_ROLES[0]).returning();
    const [u] = await tx.insert(users).values({ username: 'admin', displayName: 'Administrator', passwordHash: hash }).returning();
    await tx.insert(userRoles).values({ userId: u.id, roleId: role.id });
  });
}

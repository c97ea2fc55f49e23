import { describe, expect, it } from 'vitest';
import { computeAccess } from './access.ts';
import { firstAllowedPath, firstSettingsPath, isGroup, visibleNav, type NavGroup } from './layouts/nav.tsx';

/** every page the menu offers, in groups or not */
const paths = (a: ReturnType<typeof computeAccess>) => visibleNav(a).flatMap((n) => ('children' in n ? n.children.map((c) => c.path) : [n.path]));

describe('access and menu', () => {
  it('an operator gets the workbench first and no organisation settings', () => {
    const access = computeAccess(['ticket:create', 'ticket:view', 'customer:view', 'form:view']);
    expect(firstAllowedPath(access)).toBe('/workbench');
    const settings = visibleNav(access).find((n) => 'children' in n && n.key === 'settings');
    expect(settings && 'children' in settings ? settings.children.map((c) => c.path) : []).toEqual(['/settings/forms']);
  });

  it('a department manager without ticket:create starts on the work-order list', () => {
    const access = computeAccess(['ticket:view', 'ticket:update', 'customer:view']);
    expect(access.workbench).toBe(false);
    expect(firstAllowedPath(access)).toBe('/tickets');
    expect(visibleNav(access).some((n) => 'children' in n && n.key === 'settings')).toBe(false);
  });

  it('/settings leads to the first settings page the user may open', () => {
    expect(firstSettingsPath(computeAccess(['org:manage', 'form:view']))).toBe('/settings/departments');
    expect(firstSettingsPath(computeAccess(['ticket:create', 'form:view']))).toBe('/settings/forms');
    expect(firstSettingsPath(computeAccess(['ticket:view']))).toBeNull();
  });

  it('rule managers get rules, positions, SLA policies and calendars under settings; supervisors get the supervisor view', () => {
    const manager = computeAccess(['ticket:view', 'rule:manage', 'supervisor:view']);
    expect(firstSettingsPath(manager)).toBe('/settings/rules');
    const settings = visibleNav(manager).find((n) => 'children' in n && n.key === 'settings');
    expect(settings && 'children' in settings ? settings.children.map((c) => c.path) : []).toEqual([
      '/settings/rules',
      '/settings/positions',
      '/settings/sla-policies',
      '/settings/calendars',
    ]);
    expect(paths(manager)).toContain('/supervisor');
    const lead = computeAccess(['ticket:view', 'supervisor:view']);
    expect(lead.ruleManage).toBe(false);
    expect(paths(lead)).toContain('/supervisor');
    expect(paths(computeAccess(['ticket:view']))).not.toContain('/supervisor');
  });

  it('the supervisor menu holds the live-chat view for those who manage conversations', () => {
    const chatLead = computeAccess(['ticket:view', 'supervisor:view', 'conversation:work', 'conversation:manage']);
    const group = visibleNav(chatLead).find((n): n is NavGroup => isGroup(n) && n.key === 'supervisor');
    expect(group?.children.map((c) => c.path)).toEqual(['/supervisor', '/supervisor/chats']);
    expect(paths(computeAccess(['ticket:view', 'supervisor:view']))).not.toContain('/supervisor/chats');
    expect(paths(computeAccess(['conversation:work']))).not.toContain('/supervisor/chats');
  });

  it('agents who work conversations get the inbox right after the workbench; managing them is a separate key', () => {
    const agent = computeAccess(['ticket:create', 'ticket:view', 'conversation:work']);
    expect([agent.inbox, agent.inboxManage]).toEqual([true, false]);
    expect(visibleNav(agent).flatMap((n) => ('path' in n ? [n.path] : [])).slice(0, 3)).toEqual(['/workbench', '/inbox', '/tickets']);
    expect(firstAllowedPath(agent)).toBe('/workbench');
    expect(computeAccess(['conversation:work', 'conversation:manage']).inboxManage).toBe(true);
    expect(visibleNav(computeAccess(['ticket:view'])).some((n) => 'path' in n && n.path === '/inbox')).toBe(false);
  });

  it('everyone reads the knowledge base; canned replies for those who chat or edit; categories and synonyms for reviewers', () => {
    const group = (perms: Parameters<typeof computeAccess>[0]) => {
      const g = visibleNav(computeAccess(perms)).find((n) => 'children' in n && n.key === 'knowledge');
      return g && 'children' in g ? g.children.map((c) => c.path) : [];
    };
    expect(group(['ticket:view'])).toEqual(['/knowledge']);
    expect(group(['conversation:work'])).toEqual(['/knowledge', '/canned-replies']);
    expect(group(['kb:edit'])).toEqual(['/knowledge', '/canned-replies']);
    expect(computeAccess(['kb:edit'])).toMatchObject({ kbEdit: true, kbPublish: false });
    expect(computeAccess(['kb:publish'])).toMatchObject({ kbEdit: true, kbPublish: true });
    expect(firstSettingsPath(computeAccess(['kb:publish']))).toBe('/settings/knowledge');
    expect(firstSettingsPath(computeAccess(['kb:edit']))).toBeNull();
  });
});

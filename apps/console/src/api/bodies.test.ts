import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as s from '@kefu/shared/api';
import * as r from '@kefu/shared/rules';
import * as sla from '@kefu/shared/sla';
import * as conv from '@kefu/shared/conversations-api';
// the calendar body is declared in the server's route (not in @kefu/shared): checked against its validator
import { calendarSpec } from '@kefu/shared/calendar-spec';
import {
  agentMessageBody,
  conversationStatusBody,
  conversationTicketBody,
  takeConversationBody,
  transferBody,
  calendarBody,
  slaPolicyBody,
  slaPolicyPatch,
  convertBody,
  forwardBody,
  notificationPreferencesBody,
  positionBody,
  ruleBody,
  rulePreviewBody,
  customerBody,
  departmentBody,
  interactionCreateBody,
  interactionEndBody,
  loginBody,
  roleBody,
  teamBody,
  userCreateBody,
  userUpdateBody,
} from './bodies.ts';

const ID = '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c';
const ID2 = '1c7a2d3f-5b8e-4a4f-8d2b-3e6f9a0b1c2d';

/** The body must pass the schema with unknown keys rejected, as the server will. */
function expectStrict(schema: z.ZodObject, body: object) {
  const res = schema.strict().safeParse(body);
  expect(res.error?.issues ?? []).toEqual([]);
  for (const k of Object.keys(body)) expect(Object.keys(schema.shape)).toContain(k);
}

// form values as antd hands them over, with the extra keys a row being edited carries
const row = { id: ID, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

describe('request bodies hold only documented fields', () => {
  it('login', () => {
    expectStrict(s.loginBody, loginBody({ username: ' operator ', password: 'kefu-demo', remember: true } as never));
  });

  it('departments and teams', () => {
    expectStrict(s.departmentBody, departmentBody({ ...row, name: ' 客服部 ', parentId: undefined }));
    expectStrict(s.departmentBody, departmentBody({ ...row, name: '热线组', parentId: ID2 }));
    expectStrict(s.teamBody, teamBody({ ...row, name: '早班', departmentId: ID2, leadId: undefined }));
  });

  it('roles', () => {
    const body = roleBody({ ...row, name: '接线员', description: '  ', permissions: ['ticket:create'], dataScope: 'team' });
    expectStrict(s.roleBody, body);
    expect(body.description).toBeNull();
  });

  it('users: create with username and password, edit without the username', () => {
    const values = {
      ...row,
      username: 'wangli',
      displayName: ' 王丽 ',
      password: 'secret-123',
      jobNumber: '',
      email: ' wangli@example.cn ',
      mobile: '',
      departmentId: ID2,
      teamId: null,
      roleIds: [ID],
      active: true,
    };
    expectStrict(s.userCreateBody, userCreateBody(values));
    const edit = userUpdateBody({ ...values, password: '' });
    expectStrict(s.userUpdateBody, edit);
    expect(edit).not.toHaveProperty('username');
    expect(edit).not.toHaveProperty('password');
    expect(userUpdateBody(values)).toHaveProperty('password', 'secret-123');
    expect(edit).toMatchObject({ email: 'wangli@example.cn', mobile: null });
    expectStrict(s.userUpdateBody, userUpdateBody({ ...values, email: '', mobile: '13812345678' }));
  });

  it('rules: complete, also for a change', () => {
    const body = ruleBody({
      name: ' 转品控 ',
      description: ' ',
      trigger: 'ticket.created',
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
      actions: [{ type: 'assign', to: { kind: 'position', position: 'qc_manager' }, strategy: 'direct' }],
      ...row,
    } as never);
    expectStrict(r.ruleBody, body);
    expect(body).toMatchObject({ name: '转品控', description: null, enabled: true, stopProcessing: false });
  });

  it('positions, preview, forward, convert, preferences', () => {
    expect(positionBody({ ...row, key: 'qc_manager', name: ' 品控部经理 ', nameEn: '', holderIds: [ID, ID] } as never)).toEqual({ name: '品控部经理', nameEn: null, holderIds: [ID] });
    expect(rulePreviewBody({ ticketId: ID, trigger: 'ticket.updated' })).toEqual({ ticketId: ID, trigger: 'ticket.updated', changed: [] });
    expect(forwardBody({ kind: 'position', target: 'marketing_director' })).toEqual({ position: 'marketing_director' });
    expect(forwardBody({ kind: 'user', target: ID })).toEqual({ userId: ID });
    expect(convertBody({ type: 'order', fields: { spec: '1L' }, ...row } as never)).toEqual({ type: 'order', fields: { spec: '1L' } });
    expect(notificationPreferencesBody({ 'ticket.routed': ['email', 'email', 'sms'], 'sla.warning': [] })).toEqual({
      items: [{ kind: 'ticket.routed', channels: ['email', 'sms'] }],
    });
  });

  it('customers, also when phone and address are masked', () => {
    const values = { ...row, name: '张建国', phone: '13812345678', address: '北京市', customerClass: '', note: 'VIP', masked: false, duplicateOf: [] };
    expectStrict(s.customerCreateBody, customerBody(values));
    const masked = customerBody({ ...values, phone: '', address: '' }, true);
    expectStrict(s.customerUpdateBody, masked);
    expect(masked).not.toHaveProperty('phone');
    expect(masked).not.toHaveProperty('address');
  });

  it('interactions', () => {
    expectStrict(s.interactionCreateBody, interactionCreateBody({ callerNumber: ' 13812345678 ', startedAt: '2026-01-01T00:00:00Z' }));
    expectStrict(s.interactionCreateBody, interactionCreateBody({ callerNumber: '', startedAt: null }));
    expectStrict(s.interactionUpdateBody, interactionEndBody({ endedAt: '2026-01-01T00:05:00Z', customerId: ID, summary: ' ' }));
  });

  it('SLA policies: complete for create and edit, one key for the switch and the order', () => {
    const body = slaPolicyBody({
      ...row,
      name: ' 投诉 ',
      enabled: true,
      position: 20,
      conditions: [{ field: 'type', op: 'eq', value: 'complaint' }],
      targets: [
        { kind: 'first_response', minutes: 30, warnAtPercent: 80, extra: 1 } as never,
        { kind: 'resolution', businessDays: 2, warnAtPercent: 75 },
      ],
      calendarId: undefined,
      updatedAt: '2026-01-01T00:00:00Z',
    } as never);
    expectStrict(sla.slaPolicyBody, body);
    expectStrict(sla.slaPolicyUpdateBody, body);
    expect(body).toMatchObject({ name: '投诉', calendarId: null });
    expect(body.targets).toEqual([
      { kind: 'first_response', minutes: 30, warnAtPercent: 80 },
      { kind: 'resolution', businessDays: 2, warnAtPercent: 75 },
    ]);
    expect(slaPolicyPatch({ enabled: false })).toEqual({ enabled: false });
    expectStrict(sla.slaPolicyUpdateBody, slaPolicyPatch({ position: 30 }));
  });

  it('calendars: name, default flag and a spec the server validates', () => {
    const body = calendarBody({
      name: ' 标准工作时间 ',
      spec: {
        timeZone: 'Asia/Shanghai',
        alwaysOpen: false,
        weekly: [[], [{ start: '08:30', end: '12:00' }, { start: '13:00', end: ' 17:30 ' }], [], [], [], [], []],
        days: [
          { date: '2026-02-16', kind: 'holiday', name: ' 春节 ', provisional: false, key: 'd1', hoursText: '' } as never,
          { date: '2026-02-28', kind: 'workday', name: '', hours: [{ start: '09:00', end: '12:00' }] },
          { date: '2027-01-01', kind: 'holiday', name: '元旦', provisional: true },
        ],
      },
    });
    expect(Object.keys(body).sort()).toEqual(['isDefault', 'name', 'spec']);
    expect(body.isDefault).toBe(false);
    const parsed = calendarSpec.strict().safeParse(body.spec);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(body.spec.days).toEqual([
      { date: '2026-02-16', kind: 'holiday', name: '春节' },
      { date: '2026-02-28', kind: 'workday', hours: [{ start: '09:00', end: '12:00' }] },
      { date: '2027-01-01', kind: 'holiday', name: '元旦', provisional: true },
    ]);
  });

  it('conversations: reply or note, take, transfer to a colleague or a team, status, work order', () => {
    expectStrict(conv.agentMessageBody, agentMessageBody({ body: ' 您好 ', internal: false }));
    expect(agentMessageBody({ ...row, body: ' 您好 ', internal: true } as never)).toEqual({ body: '您好', internal: true });
    expect(takeConversationBody(ID)).toEqual({ assigneeId: ID });
    expectStrict(conv.conversationPatch, takeConversationBody(ID));
    expect(transferBody({ kind: 'user', target: ID, note: ' 老客户 ' })).toEqual({ assigneeId: ID, note: '老客户' });
    expect(transferBody({ kind: 'team', target: ID2, note: ' ' })).toEqual({ teamId: ID2, assigneeId: null });
    expectStrict(conv.conversationPatch, transferBody({ kind: 'team', target: ID2, note: '请跟进' }));
    expectStrict(conv.conversationPatch, conversationStatusBody('pending'));
    const ticket = conversationTicketBody({ ...row, type: 'complaint', fields: { target: '鲜牛奶' }, priority: 'high' } as never);
    expect(ticket).toEqual({ type: 'complaint', fields: { target: '鲜牛奶' }, priority: 'high' });
    expectStrict(conv.conversationTicketBody, ticket);
  });
});

import { describe, expect, it } from 'vitest';
import { cannedReplyBody, cannedReplyPatch, type CannedReply } from '@kefu/shared/knowledge-api';
import { cannedBody, cannedPatch, mayKeepCanned } from './canned-body.ts';

const TEAM = '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c';
const OTHER = '1c7a2d3f-5b8e-4a4f-8d2b-3e6f9a0b1c2d';
const old: CannedReply = { id: 'x', teamId: null, teamName: null, shortcut: 'hy', title: '欢迎语', body: '您好', category: null, useCount: 3, updatedAt: '2026-01-01T00:00:00Z' };

describe('canned reply editor', () => {
  it('builds bodies the server accepts; a leading / of the shortcut is dropped', () => {
    const body = cannedBody({ teamId: TEAM, shortcut: ' /qr ', title: ' 订单确认 ', body: ' {customerName},请核对 ', category: ' ' });
    expect(body).toEqual({ teamId: TEAM, shortcut: 'qr', title: '订单确认', body: '{customerName},请核对', category: null });
    expect(cannedReplyBody.strict().safeParse(body).success).toBe(true);
  });

  it('sends only what changed', () => {
    expect(cannedPatch(old, { teamId: null, shortcut: 'hy', title: '欢迎语', body: '您好' })).toEqual({});
    const patch = cannedPatch(old, { teamId: TEAM, shortcut: 'hy', title: '欢迎语', body: '您好,欢迎', category: '售前' });
    expect(patch).toEqual({ teamId: TEAM, body: '您好,欢迎', category: '售前' });
    expect(cannedReplyPatch.strict().safeParse(patch).success).toBe(true);
  });

  it('lets an editor keep their own team\'s replies and a reviewer all of them', () => {
    const me = { teamId: TEAM };
    expect(mayKeepCanned(TEAM, me, { kbEdit: true, kbPublish: false })).toBe(true);
    expect(mayKeepCanned(null, me, { kbEdit: true, kbPublish: false })).toBe(false);
    expect(mayKeepCanned(OTHER, me, { kbEdit: true, kbPublish: false })).toBe(false);
    expect(mayKeepCanned(OTHER, me, { kbEdit: true, kbPublish: true })).toBe(true);
    expect(mayKeepCanned(TEAM, me, { kbEdit: false, kbPublish: false })).toBe(false);
  });
});

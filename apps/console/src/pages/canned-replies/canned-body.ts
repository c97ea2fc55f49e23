import type { z } from 'zod';
import type { CannedReply, cannedReplyBody, cannedReplyPatch } from '@kefu/shared/knowledge-api';

// The canned reply editor's request bodies and who may keep which reply: plain functions, tested.

export interface CannedValuesForm {
  /** null: everyone's (公共) */
  teamId: string | null;
  shortcut: string;
  title: string;
  category?: string | null;
  body: string;
}
export type CannedReplyBody = z.input<typeof cannedReplyBody>;
export type CannedReplyPatch = z.input<typeof cannedReplyPatch>;

export function cannedBody(v: CannedValuesForm): CannedReplyBody {
  return { teamId: v.teamId ?? null, shortcut: v.shortcut.trim().replace(/^\//, ''), title: v.title.trim(), body: v.body.trim(), category: v.category?.trim() || null };
}

/** Only what changed. */
export function cannedPatch(old: CannedReply, v: CannedValuesForm): CannedReplyPatch {
  const next = cannedBody(v);
  const out: CannedReplyPatch = {};
  if (next.teamId !== old.teamId) out.teamId = next.teamId;
  if (next.shortcut !== old.shortcut) out.shortcut = next.shortcut;
  if (next.title !== old.title) out.title = next.title;
  if (next.body !== old.body) out.body = next.body;
  if ((next.category ?? null) !== old.category) out.category = next.category;
  return out;
}

/** As the server decides: kb:publish keeps all; kb:edit their own team's. */
export function mayKeepCanned(teamId: string | null, me: { teamId: string | null }, access: { kbEdit: boolean; kbPublish: boolean }): boolean {
  return access.kbPublish || (access.kbEdit && teamId !== null && teamId === me.teamId);
}

import type { Recipient } from '@kefu/shared/rules';
import type { Lookups } from './lookups.ts';

// Recipients in the rule editor: one string each for selects, and their names in words.

/**
 * A recipient as one string, for selects: position:qc_manager, user:<id>, team:<id>,
 * assignee, watchers, field:staffId, superior:staffId:general_manager.
 */
export function encodeRecipient(r: Recipient): string {
  switch (r.kind) {
    case 'superior_of_job_number_in_field':
      return `superior:${r.field}:${r.topPosition}`;
    case 'position':
      return `position:${r.position}`;
    case 'user':
      return `user:${r.userId}`;
    case 'team':
      return `team:${r.teamId}`;
    case 'job_number_in_field':
      return `field:${r.field}`;
    default:
      return r.kind;
  }
}

export function decodeRecipient(s: string): Recipient | null {
  if (s === 'assignee' || s === 'watchers') return { kind: s };
  const i = s.indexOf(':');
  if (i < 0) return null;
  const kind = s.slice(0, i);
  const rest = s.slice(i + 1);
  if (!rest) return null;
  switch (kind) {
    case 'position':
      return { kind: 'position', position: rest };
    case 'user':
      return { kind: 'user', userId: rest };
    case 'team':
      return { kind: 'team', teamId: rest };
    case 'field':
      return { kind: 'job_number_in_field', field: rest };
    case 'superior': {
      const [field, topPosition] = rest.split(':');
      return field && topPosition ? { kind: 'superior_of_job_number_in_field', field, topPosition } : null;
    }
    default:
      return null;
  }
}

export const decodeAll = (list: string[] | undefined): Recipient[] =>
  (list ?? []).map(decodeRecipient).filter((r): r is Recipient => r !== null);

export function recipientLabel(r: Recipient, lk: Lookups): string {
  switch (r.kind) {
    case 'position':
      return lk.text('rule.recipient.positionNamed', { name: lk.positionName(r.position) ?? r.position });
    case 'user':
      return lk.userName(r.userId) ?? r.userId;
    case 'team':
      return lk.text('rule.recipient.teamNamed', { name: lk.teamName(r.teamId) ?? r.teamId });
    case 'assignee':
      return lk.text('rule.recipient.assignee');
    case 'watchers':
      return lk.text('rule.recipient.watchers');
    case 'job_number_in_field':
      return lk.text('rule.recipient.fieldNamed', { field: r.field });
    case 'superior_of_job_number_in_field':
      return lk.text('rule.recipient.superiorNamed', { field: r.field, position: lk.positionName(r.topPosition) ?? r.topPosition });
    default:
      // a kind newer than this console
      return (r as { kind: string }).kind;
  }
}

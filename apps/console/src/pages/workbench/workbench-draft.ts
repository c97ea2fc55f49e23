import { useCallback, useEffect, useState } from 'react';
import type { Priority } from '@kefu/shared/ticket-status';
import type { FieldValues } from '../../components/dynamic-form/form-values.ts';
import { draftKey } from '../../session/drafts.ts';

// Everything the operator has typed on the workbench, saved to localStorage
// (per user) on every change so a reload or a crashed tab loses nothing.

export interface PickedCustomer {
  id: string;
  name: string;
  phone: string | null;
  address: string | null;
  masked: boolean;
  duplicateOf: string[];
}

export interface NewCustomerDraft {
  name: string;
  phone: string;
  address: string;
}

export interface WorkbenchDraft {
  callStartedAt: string | null;
  callerNumber: string;
  interactionId: string | null;
  customerQuery: string;
  customer: PickedCustomer | null;
  /** non-null while the inline "new customer" form is open */
  newCustomer: NewCustomerDraft | null;
  type: string | null;
  priority: Priority;
  values: FieldValues;
  summary: string;
  created: { id: string; number: string }[];
}

export const EMPTY_DRAFT: WorkbenchDraft = {
  callStartedAt: null,
  callerNumber: '',
  interactionId: null,
  customerQuery: '',
  customer: null,
  newCustomer: null,
  type: null,
  priority: 'normal',
  values: {},
  summary: '',
  created: [],
};

const storageKey = (userId: string) => draftKey('workbench', userId);

function load(userId: string): WorkbenchDraft {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (!raw) return EMPTY_DRAFT;
    const parsed = JSON.parse(raw) as Partial<WorkbenchDraft>;
    return { ...EMPTY_DRAFT, ...parsed, values: { ...(parsed.values ?? {}) } };
  } catch {
    return EMPTY_DRAFT;
  }
}

export type DraftUpdate = Partial<WorkbenchDraft> | ((d: WorkbenchDraft) => Partial<WorkbenchDraft>);

export function useWorkbenchDraft(userId: string) {
  const [draft, setDraft] = useState<WorkbenchDraft>(() => load(userId));

  useEffect(() => {
    try {
      if (draft === EMPTY_DRAFT) localStorage.removeItem(storageKey(userId));
      else localStorage.setItem(storageKey(userId), JSON.stringify(draft));
    } catch {
      // storage full or disabled: the draft lives in memory only
    }
  }, [draft, userId]);

  const update = useCallback((u: DraftUpdate) => {
    setDraft((d) => ({ ...d, ...(typeof u === 'function' ? u(d) : u) }));
  }, []);
  const reset = useCallback((next: WorkbenchDraft = EMPTY_DRAFT) => setDraft(next), []);

  return { draft, update, reset };
}

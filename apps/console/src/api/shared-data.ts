import { formDefinition } from '@kefu/shared/forms';
import { api, itemsOf } from './client.ts';
import { cachedResource } from './cached-resource.ts';
import type { Directory, FormRecord } from './types.ts';
import { TICKET_TYPES } from '@kefu/shared/ticket-status';

export const directoryResource = cachedResource(() => api.get<Directory>('/directory'));

const typeRank = (t: string) => {
  const i = (TICKET_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? TICKET_TYPES.length : i;
};

/** Current form of each ticket type, built-in types first in their usual order. */
export const formsResource = cachedResource(async () => {
  const res = await api.get<{ items: FormRecord[] } | FormRecord[]>('/forms');
  return itemsOf(res)
    .filter((f) => formDefinition.safeParse(f.definition).success)
    .sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.type.localeCompare(b.type));
});

export function useDirectory(): Directory | undefined {
  return directoryResource.use();
}

export function useForms(): FormRecord[] | undefined {
  return formsResource.use();
}

export function resetSharedData(): void {
  directoryResource.invalidate();
  formsResource.invalidate();
}

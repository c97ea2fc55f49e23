import { formDefinition } from '@kefu/shared/forms';
import { api, itemsOf } from './client.ts';
import { cachedResource, type ResourceState } from './cached-resource.ts';
import type { Directory, FormRecord, Position } from './types.ts';
import type { KbCategory } from '@kefu/shared/knowledge-api';
import type { ChatChannel } from '@kefu/shared/conversations-api';
import { TICKET_TYPES } from '@kefu/shared/ticket-status';

export const directoryResource = cachedResource(() => api.get<Directory>('/directory'));

const typeRank = (t: string) => {
  const i = (TICKET_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? TICKET_TYPES.length : i;
};

/** Current form of each ticket type, built-in types first in their usual order. */
export const formsResource = cachedResource(async () => {
  // without form:view the server answers 403: the screens that need forms say
  // so themselves (the workbench), the others do without labels
  const res = await api.get<{ items: FormRecord[] } | FormRecord[]>('/forms', undefined, { silent: (e) => e.status === 403 });
  return itemsOf(res)
    .filter((f) => formDefinition.safeParse(f.definition).success)
    .sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.type.localeCompare(b.type));
});

/** Positions (岗位) with their people: every signed-in user may read them (forward pickers). */
export const positionsResource = cachedResource(() => api.get<{ items: Position[] }>('/positions').then(itemsOf));

export function usePositions(): Position[] | undefined {
  return positionsResource.use();
}

export function useDirectory(): Directory | undefined {
  return directoryResource.use();
}

export function useForms(): FormRecord[] | undefined {
  return formsResource.use();
}

/** Forms with the load error, for screens that cannot work without them. */
export function useFormsState(): ResourceState<FormRecord[]> {
  return formsResource.useState();
}

/** Knowledge-base categories: every signed-in user reads them (filters, editor, article view). */
export const kbCategoriesResource = cachedResource(() => api.get<{ items: KbCategory[] }>('/kb/categories').then(itemsOf));

export function useKbCategories(): KbCategory[] | undefined {
  return kbCategoriesResource.use();
}

/** Chat channels with their shop facts (canned replies' variables); without conversation:work, none. */
export const chatChannelsResource = cachedResource(() =>
  api.get<{ items: ChatChannel[] }>('/chat-channels', undefined, { silent: (e) => e.status === 403 }).then(itemsOf),
);

export function useChatChannels(): ChatChannel[] | undefined {
  return chatChannelsResource.use();
}

/** On sign-out: the next user loads their own. */
export function resetSharedData(): void {
  directoryResource.reset();
  formsResource.reset();
  positionsResource.reset();
  kbCategoriesResource.reset();
  chatChannelsResource.reset();
}

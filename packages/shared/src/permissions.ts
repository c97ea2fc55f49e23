// Permission strings granted to roles. The server denies anything not granted;
// the console hides menu entries the user cannot use. Keep the list closed:
// a role can only hold strings from here.
export const PERMISSIONS = [
  'ticket:create',
  'ticket:view',
  'ticket:update',
  'ticket:assign',
  'ticket:note',
  'customer:view',
  'customer:create',
  'customer:update',
  'customer:view_pii',
  /** the customer archive's management: class rules and recomputes, class overrides, customer measures */
  'customer:manage',
  'interaction:create',
  'form:view',
  'form:manage',
  'org:manage',
  'rule:manage',
  'supervisor:view',
  /** make the callbacks assigned to me (回访) */
  'callback:work',
  /** callback policies, scripts, campaigns, reports; close a callback loop with a reason */
  'callback:manage',
  /** satisfaction surveys: questionnaires, sending, results */
  'survey:manage',
  /** the unified inbox: take, answer and note written conversations (chat, web forms, leads) */
  'conversation:work',
  /** transfer or take over colleagues' conversations, watch live chats, configure channels */
  'conversation:manage',
  /** write knowledge-base drafts and send them for review; keep canned replies (话术) */
  'kb:edit',
  /** approve and publish knowledge-base versions, archive articles, keep categories and synonyms */
  'kb:publish',
  /** the renewals board (续费): the services I own, their renewals and non-renewals; the month-end lists */
  'renewal:view',
  /** every customer's services: add, change, hand over; service kinds and lead times; transfer requests' certificate and phone confirmation */
  'renewal:manage',
  /** approve or reject a transfer request (域名转出, CUS-10) */
  'renewal:approve_transfer',
  /** shop orders (订单): find them, read their remarks and history */
  'order:view',
  /** record orders by hand, write remarks (备注), ask for changes */
  'order:edit',
  /** the shops (店铺) and their policies; orders pushed by shop middleware */
  'shop:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** How far a role sees work orders: only its own, its team's, its department's, or all. */
export const DATA_SCOPES = ['own', 'team', 'department', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

const SCOPE_RANK: Record<DataScope, number> = { own: 0, team: 1, department: 2, all: 3 };

/** A user with several roles gets the widest scope among them. */
export function widestScope(scopes: DataScope[]): DataScope {
  return scopes.reduce<DataScope>((a, b) => (SCOPE_RANK[b] > SCOPE_RANK[a] ? b : a), 'own');
}

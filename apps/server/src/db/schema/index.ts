// The schema drizzle-kit reads to generate migrations, and the client's typing.
export * from './org.ts';
export * from './customers.ts';
export * from './interactions.ts';
export * from './forms.ts';
export * from './tickets.ts';
export * from './jobs.ts';
export * from './positions.ts';
export * from './rules.ts';
export * from './notifications.ts';
export * from './sla.ts';
export * from './callbacks.ts';
export * from './conversations.ts';
export * from './knowledge.ts';
export * from './renewals.ts';
export * from './orders.ts';

import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org.ts';

/**
 * Abstract positions (岗位) such as "QC manager" that rules and escalation
 * chains name, bound to people per organisation (note C-17): renaming or
 * replacing a person changes a binding, not the rules.
 */
export const positions = pgTable('positions', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const positionHolders = pgTable(
  'position_holders',
  {
    positionId: uuid('position_id').notNull().references(() => positions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.positionId, t.userId] })],
);

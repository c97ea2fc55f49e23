import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './org.ts';
import { tsvector } from './types.ts';

/** Knowledge-base categories (知识分类), one level under another. */
export const kbCategories = pgTable('kb_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  parentId: uuid('parent_id'),
  sort: integer('sort').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * An article or FAQ entry (KB-01, KB-09): what agents read is its published
 * version, copied here with its search vector; drafts and their review live in
 * kb_article_versions. Shown only between valid_from and valid_until (a
 * promotion's answer expires with the promotion, INQ-01).
 */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id').references(() => kbCategories.id),
    /** article | faq | script (话术) */
    kind: text('kind').notNull().default('article'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    /** the version readers see; null until the first is approved */
    publishedVersion: integer('published_version'),
    /** the newest version, published or not */
    latestVersion: integer('latest_version').notNull().default(1),
    searchVector: tsvector('search_vector'),
    usefulCount: integer('useful_count').notNull().default(0),
    notUsefulCount: integer('not_useful_count').notNull().default(0),
    createdById: uuid('created_by_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('kb_articles_search_idx').using('gin', t.searchVector),
    index('kb_articles_category_idx').on(t.categoryId, t.publishedAt.desc().nullsFirst()),
    // the lists' order (knowledge.queries.ts usefulFirst), walked with the words as a filter when they are common
    index('kb_articles_useful_idx').on(sql`(${t.usefulCount} - ${t.notUsefulCount}) desc`, t.publishedAt.desc().nullsFirst(), t.id)
      .where(sql`${t.publishedVersion} is not null and ${t.archivedAt} is null`),
  ],
);

/**
 * Every version of an article: a draft, sent for review, approved (published)
 * or sent back with a note; an approved one replaces the published one
 * (KB-01: the standard Q&A is continuously improved, not overwritten blind).
 */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id').notNull().references(() => kbArticles.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** draft | in_review | published | rejected | superseded */
    status: text('status').notNull().default('draft'),
    editorId: uuid('editor_id').notNull().references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex('kb_article_versions_idx').on(t.articleId, t.version), index('kb_article_versions_status_idx').on(t.status)],
);

/**
 * "Was this useful?": one answer per reader and article, which they may
 * change; kb_articles keeps the counts (a reader clicking twice counts once).
 */
/** Files attached to an article (price lists, forms, photos), kept by the file store. */
export const kbAttachments = pgTable(
  'kb_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id').notNull().references(() => kbArticles.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('kb_attachments_article_idx').on(t.articleId, t.createdAt)],
);

export const kbArticleFeedback = pgTable(
  'kb_article_feedback',
  {
    articleId: uuid('article_id').notNull().references(() => kbArticles.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    useful: boolean('useful').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/** Words that mean the same to a caller (酸奶 = 酸牛奶): a query for one finds the others. */
export const kbSynonyms = pgTable('kb_synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  words: text('words').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * Canned replies and scripts (话术, KB-03/04, INQ-10): a shortcut typed after
 * `/` in the composer, a body with variables ({customerName}, {agentName},
 * {jobNumber}, {shopName}); for one team or (team null) everyone.
 */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id').references(() => teams.id),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category'),
    useCount: integer('use_count').notNull().default(0),
    searchVector: tsvector('search_vector'),
    createdById: uuid('created_by_id').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('canned_replies_search_idx').using('gin', t.searchVector), index('canned_replies_team_idx').on(t.teamId, t.shortcut)],
);

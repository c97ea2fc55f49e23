import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { kbArticles, kbArticleVersions, kbCategories } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { queryRows } from '../../db/client.ts';
import { isReadable, versionOf } from './knowledge.queries.ts';
import { textVector as vector } from './text-vector.ts';

// The knowledge module alone writes articles, their versions, synonyms and
// canned replies (canned-replies.commands.ts, kb-taxonomy.commands.ts). A text
// reaches readers only through an approved version.

export interface ArticleInput {
  kind: string;
  categoryId?: string | null;
  title: string;
  body: string;
  tags: string[];
  validFrom?: string | null;
  validUntil?: string | null;
  submit: boolean;
}

async function checkProperties(tx: Tx, p: { categoryId?: string | null; validFrom?: string | null; validUntil?: string | null }): Promise<void> {
  if (p.categoryId) {
    const [cat] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, p.categoryId));
    if (!cat) throw new AppError('REFERENCE_NOT_FOUND', { what: 'kbCategory', id: p.categoryId });
  }
  // YYYY-MM-DD compares as text
  if (p.validFrom && p.validUntil && p.validFrom > p.validUntil) throw new AppError('KB_VALIDITY_ORDER', { from: p.validFrom, until: p.validUntil });
}

/** A new article: its first version is a draft (or sent for review at once); readers see nothing yet. */
export async function createArticle(db: Db, editorId: string, a: ArticleInput): Promise<string> {
  return db.transaction(async (tx) => {
    await checkProperties(tx, a);
    const [row] = await tx.insert(kbArticles).values({
      kind: a.kind, categoryId: a.categoryId ?? null, title: a.title, body: a.body, tags: a.tags,
      validFrom: a.validFrom ?? null, validUntil: a.validUntil ?? null, latestVersion: 1, createdById: editorId,
    }).returning({ id: kbArticles.id });
    await tx.insert(kbArticleVersions).values({ articleId: row.id, version: 1, title: a.title, body: a.body, status: a.submit ? 'in_review' : 'draft', editorId });
    return row.id;
  });
}

/**
 * A change: properties (category, tags, validity) apply at once; a new title
 * or text becomes the next version, a draft until approved — the published
 * one stays what readers see meanwhile.
 */
export async function changeArticle(db: Db, editorId: string, id: string, p: Partial<ArticleInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const [a] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
    if (!a) throw notFound('kbArticle');
    await checkProperties(tx, {
      categoryId: p.categoryId, validFrom: p.validFrom !== undefined ? p.validFrom : a.validFrom, validUntil: p.validUntil !== undefined ? p.validUntil : a.validUntil,
    });
    const props: Partial<typeof kbArticles.$inferInsert> = {};
    if (p.categoryId !== undefined) props.categoryId = p.categoryId;
    if (p.kind !== undefined) props.kind = p.kind;
    if (p.validFrom !== undefined) props.validFrom = p.validFrom;
    if (p.validUntil !== undefined) props.validUntil = p.validUntil;
    if (p.tags !== undefined) {
      props.tags = p.tags;
      if (a.publishedVersion) props.searchVector = vector(a.title, a.body, p.tags.join(' '));
    }
    if (p.title !== undefined || p.body !== undefined || p.submit) {
      const latest = await versionOf(tx, id, a.latestVersion);
      const title = p.title ?? latest?.title ?? a.title;
      const body = p.body ?? latest?.body ?? a.body;
      const textChanged = title !== latest?.title || body !== latest?.body;
      if (textChanged || latest?.status === 'published' || latest?.status === 'rejected') {
        // the next version: drafts already waiting are superseded by it
        await tx.update(kbArticleVersions).set({ status: 'superseded' })
          .where(and(eq(kbArticleVersions.articleId, id), sql`${kbArticleVersions.status} in ('draft', 'in_review')`));
        props.latestVersion = a.latestVersion + 1;
        await tx.insert(kbArticleVersions).values({ articleId: id, version: a.latestVersion + 1, title, body, status: p.submit ? 'in_review' : 'draft', editorId });
      } else if (p.submit && latest?.status === 'draft') {
        await tx.update(kbArticleVersions).set({ status: 'in_review' }).where(eq(kbArticleVersions.id, latest.id));
      }
    }
    if (Object.keys(props).length) await tx.update(kbArticles).set(props).where(eq(kbArticles.id, id));
  });
}

/**
 * A reviewer's decision on a version waiting for review: approved, it becomes
 * what readers see (and searchable); sent back, it is rejected with the note.
 */
export async function reviewVersion(db: Db, reviewerId: string, id: string, version: number, approve: boolean, note?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [a] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
    if (!a) throw notFound('kbArticle');
    const v = await versionOf(tx, id, version);
    if (!v) throw notFound('kbVersion');
    if (v.status !== 'in_review') throw new AppError('KB_NOT_IN_REVIEW', { state: v.status });
    // the editor has to know what to change
    if (!approve && !note) throw new AppError('KB_REVIEW_NOTE_REQUIRED');
    const now = new Date();
    await tx.update(kbArticleVersions).set({ status: approve ? 'published' : 'rejected', reviewerId, reviewNote: note || null, decidedAt: now })
      .where(eq(kbArticleVersions.id, v.id));
    if (!approve) return;
    if (a.publishedVersion) {
      await tx.update(kbArticleVersions).set({ status: 'superseded' })
        .where(and(eq(kbArticleVersions.articleId, id), eq(kbArticleVersions.version, a.publishedVersion)));
    }
    await tx.update(kbArticles).set({
      title: v.title, body: v.body, publishedVersion: v.version, publishedAt: now, archivedAt: null, searchVector: vector(v.title, v.body, a.tags.join(' ')),
    }).where(eq(kbArticles.id, id));
  });
}

export async function archiveArticle(db: Db, id: string, archived: boolean): Promise<void> {
  const rows = await db.update(kbArticles).set({ archivedAt: archived ? new Date() : null }).where(eq(kbArticles.id, id)).returning({ id: kbArticles.id });
  if (!rows.length) throw notFound('kbArticle');
}

/**
 * "Was this useful?" from a reader of the published text: one answer each,
 * which they may change (the counts move with it).
 */
export async function recordFeedback(db: Db, id: string, userId: string, useful: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await isReadable(tx, id))) throw notFound('kbArticle');
    // no row back: the same answer as before; xmax = 0: a first answer, else a changed one
    const [row] = await queryRows<{ first: boolean }>(tx, sql`
      insert into kb_article_feedback (article_id, user_id, useful) values (${id}::uuid, ${userId}::uuid, ${useful})
      on conflict (article_id, user_id) do update set useful = excluded.useful, answered_at = now()
        where kb_article_feedback.useful <> excluded.useful
      returning (xmax = 0) as first`);
    if (!row) return;
    const yes = useful ? 1 : row.first ? 0 : -1;
    const no = useful ? (row.first ? 0 : -1) : 1;
    await tx.update(kbArticles).set({ usefulCount: sql`${kbArticles.usefulCount} + ${yes}`, notUsefulCount: sql`${kbArticles.notUsefulCount} + ${no}` })
      .where(eq(kbArticles.id, id));
  });
}

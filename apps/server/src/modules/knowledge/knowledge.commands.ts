import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cannedReplies, kbArticles, kbArticleVersions } from '../../db/schema/index.ts';
import { toVectorLiteral, words } from '../../platform/search/tokenize.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { versionOf } from './knowledge.queries.ts';

// The knowledge module alone writes articles, their versions, synonyms and
// canned replies. A text reaches readers only through an approved version.

const vector = (...texts: (string | null | undefined)[]) => toVectorLiteral([...new Set(texts.flatMap((t) => (t ? words(t) : [])))]);

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

/** A new article: its first version is a draft (or sent for review at once); readers see nothing yet. */
export async function createArticle(db: Db, editorId: string, a: ArticleInput): Promise<string> {
  return db.transaction(async (tx) => {
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

/** "Was this useful?" from whoever read it. */
export async function recordFeedback(db: Db, id: string, useful: boolean): Promise<void> {
  const rows = await db.update(kbArticles).set(useful ? { usefulCount: sql`${kbArticles.usefulCount} + 1` } : { notUsefulCount: sql`${kbArticles.notUsefulCount} + 1` })
    .where(eq(kbArticles.id, id)).returning({ id: kbArticles.id });
  if (!rows.length) throw notFound('kbArticle');
}

export interface CannedInput { teamId?: string | null; shortcut: string; title: string; body: string; category?: string | null }

export async function saveCannedReply(db: Db, actorId: string, id: string | null, c: Partial<CannedInput>): Promise<string> {
  const now = new Date();
  if (!id) {
    const [row] = await db.insert(cannedReplies).values({
      teamId: c.teamId ?? null, shortcut: c.shortcut!, title: c.title!, body: c.body!, category: c.category ?? null,
      searchVector: vector(c.shortcut, c.title, c.body, c.category), createdById: actorId, updatedAt: now,
    }).returning({ id: cannedReplies.id });
    return row.id;
  }
  const [old] = await db.select().from(cannedReplies).where(eq(cannedReplies.id, id));
  if (!old) throw notFound('cannedReply');
  const next = { ...old, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) } as typeof old;
  await db.update(cannedReplies).set({
    teamId: next.teamId, shortcut: next.shortcut, title: next.title, body: next.body, category: next.category,
    searchVector: vector(next.shortcut, next.title, next.body, next.category), updatedAt: now,
  }).where(eq(cannedReplies.id, id));
  return id;
}

export async function deleteCannedReply(db: Db, id: string): Promise<void> {
  const rows = await db.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id });
  if (!rows.length) throw notFound('cannedReply');
}

/** Counted when an agent puts it in a reply (the most used come first). */
export async function countCannedUse(db: Db, id: string): Promise<void> {
  const rows = await db.update(cannedReplies).set({ useCount: sql`${cannedReplies.useCount} + 1` }).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id });
  if (!rows.length) throw notFound('cannedReply');
}

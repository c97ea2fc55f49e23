import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { KbArticle, KbArticleSummary, KbListState } from '@kefu/shared/knowledge-api';
import type { Db, Tx } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { kbArticleFeedback, kbArticles, kbArticleVersions, kbCategories, kbSynonyms } from '../../db/schema/index.ts';
import { alternativesQuery, queryWords, words } from '../../platform/search/tokenize.ts';
import { notFound } from '../../platform/errors.ts';

const EXCERPT = 140;

// what a customer says around the question, and what an operator's summary says
// about any call ("客户来电咨询…"), not the question: left out of suggestions
const FILLER = new Set([
  '你好', '您好', '请问', '一下', '问一下', '可以', '什么', '我们', '你们', '他们', '谢谢', '现在', '怎么', '这个', '那个', '就是', '还是', '已经', '没有', '知道',
  '客户', '顾客', '来电', '咨询', '询问', '反映', '问题', '需要', '希望', '上次', '另外', '有点', '一点',
]);

/**
 * Each word of a text with the words that mean the same (kb_synonyms), for
 * alternativesQuery. `forSuggestion`: only the words that carry meaning
 * (two characters or more, no greetings or fillers).
 */
export async function synonymGroups(db: Tx, text: string, forSuggestion = false): Promise<string[][]> {
  const ws = queryWords(text).filter((w) => !forSuggestion || (w.length >= 2 && !FILLER.has(w)));
  if (!ws.length) return [];
  const rows = await db.select({ words: kbSynonyms.words }).from(kbSynonyms)
    .where(sql`${kbSynonyms.words} && ${`{${ws.map((w) => `"${w.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`);
  return ws.map((w) => {
    const same = new Set([w]);
    for (const r of rows) if (r.words.includes(w)) for (const s of r.words) for (const x of words(s)) same.add(x);
    return [...same];
  });
}

const published: SQL = sql`${kbArticles.publishedVersion} is not null and ${kbArticles.archivedAt} is null`;
const withinDates: SQL = sql`(${kbArticles.validFrom} is null or ${kbArticles.validFrom} <= current_date)
  and (${kbArticles.validUntil} is null or ${kbArticles.validUntil} >= current_date)`;
/** Published and valid today (a promotion's answer is gone when the promotion is). */
export const readable: SQL = sql`${published} and ${withinDates}`;

function selectSummary(db: Tx) {
  return db.select({
    a: kbArticles, categoryName: kbCategories.name,
    latestStatus: sql<string>`(select v.status from kb_article_versions v where v.article_id = ${kbArticles.id} and v.version = ${kbArticles.latestVersion})`,
  }).from(kbArticles).leftJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId));
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummary>['execute']>>[number];

export function presentSummary(r: SummaryRow): KbArticleSummary {
  const a = r.a;
  return {
    id: a.id, kind: a.kind as KbArticleSummary['kind'], categoryId: a.categoryId, categoryName: r.categoryName, title: a.title,
    excerpt: a.body.replace(/\s+/g, ' ').slice(0, EXCERPT), tags: a.tags, validFrom: a.validFrom, validUntil: a.validUntil,
    publishedVersion: a.publishedVersion, latestVersion: a.latestVersion, publishedAt: a.publishedAt?.toISOString() ?? null,
    usefulCount: a.usefulCount, notUsefulCount: a.notUsefulCount, archived: a.archivedAt !== null,
    latestStatus: (r.latestStatus ?? 'draft') as KbArticleSummary['latestStatus'],
  };
}

export interface KbSearch { q?: string; categoryId?: string; kind?: string; state: KbListState; limit: number; offset: number }

const STATE_CONDITION: Record<KbListState, SQL> = {
  published: readable,
  inactive: sql`${published} and not (${withinDates})`,
  archived: sql`${kbArticles.archivedAt} is not null`,
  draft: sql`${kbArticles.publishedVersion} is null and ${kbArticles.archivedAt} is null`,
  review: sql`exists (select 1 from kb_article_versions v where v.article_id = ${kbArticles.id} and v.status = 'in_review')`,
};

/** The category and the ones under it, at any depth. */
const inCategory = (categoryId: string): SQL => sql`${kbArticles.categoryId} in (
  with recursive sub(id) as (select ${categoryId}::uuid union select c.id from kb_categories c join sub on c.parent_id = sub.id)
  select id from sub)`;

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
/**
 * A text not yet published has no search vector: editors find drafts and
 * versions in review by every word of the query appearing in one of them.
 */
const pendingTextHas = (ws: string[]): SQL => sql`exists (select 1 from kb_article_versions v
  where v.article_id = ${kbArticles.id} and v.status in ('draft', 'in_review')
  and ${sql.join(ws.map((w) => sql`(v.title || ' ' || v.body) ilike ${likePattern(w)}`), sql` and `)})`;

/**
 * Articles by words (jieba, with synonyms): every word (or one of its
 * synonyms) must match; best matches first, then the most useful. Editors can
 * also list what waits for review, unpublished drafts, published articles
 * outside their dates and archived ones; there words also match unpublished text.
 */
export async function searchArticles(db: Db, s: KbSearch): Promise<{ items: KbArticleSummary[]; total: number }> {
  const conds: (SQL | undefined)[] = [STATE_CONDITION[s.state]];
  if (s.categoryId) conds.push(inCategory(s.categoryId));
  if (s.kind) conds.push(eq(kbArticles.kind, s.kind));
  let rank: SQL | null = null;
  if (s.q) {
    const tsq = alternativesQuery(await synonymGroups(db, s.q), true);
    const ws = queryWords(s.q);
    if (!tsq && !ws.length) return { items: [], total: 0 };
    const byVector = tsq ? sql`${kbArticles.searchVector} @@ ${tsq}::tsquery` : undefined;
    conds.push(s.state === 'published' || !ws.length ? byVector : or(byVector, pendingTextHas(ws)));
    if (tsq) rank = sql`coalesce(ts_rank(${kbArticles.searchVector}, ${tsq}::tsquery), 0)`;
  }
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    selectSummary(db).where(where)
      .orderBy(...(rank ? [desc(rank)] : []), desc(sql`${kbArticles.usefulCount} - ${kbArticles.notUsefulCount}`), desc(sql`coalesce(${kbArticles.publishedAt}, ${kbArticles.createdAt})`), asc(kbArticles.id))
      .limit(s.limit).offset(s.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(kbArticles).where(where),
  ]);
  return { items: rows.map(presentSummary), total: count.n };
}

/**
 * The articles that fit a text (the work-order form's words, a customer's last
 * chat message): any word may match, ranked by how well; published and valid only.
 */
export async function suggestArticles(db: Db, text: string, limit: number): Promise<KbArticleSummary[]> {
  const tsq = alternativesQuery(await synonymGroups(db, text, true), false);
  if (!tsq) return [];
  const rows = await selectSummary(db).where(and(readable, sql`${kbArticles.searchVector} @@ ${tsq}::tsquery`))
    .orderBy(desc(sql`ts_rank(${kbArticles.searchVector}, ${tsq}::tsquery)`), desc(kbArticles.usefulCount)).limit(limit);
  return rows.map(presentSummary);
}

/** An article: readers get the published text; editors also every version (drafts, reviews). */
export async function articleDetail(db: Db, id: string, viewer: { userId: string; editor: boolean }): Promise<KbArticle> {
  const { editor } = viewer;
  const [row] = await selectSummary(db).where(and(eq(kbArticles.id, id), editor ? undefined : readable));
  if (!row) throw notFound('kbArticle');
  const [mine] = await db.select({ useful: kbArticleFeedback.useful }).from(kbArticleFeedback)
    .where(and(eq(kbArticleFeedback.articleId, id), eq(kbArticleFeedback.userId, viewer.userId)));
  const versions = editor ? await queryRows<{ version: number; title: string; body: string; status: string; editor_name: string; reviewer_name: string | null; review_note: string | null; created_at: Date; decided_at: Date | null }>(db, sql`
    select v.version, v.title, v.body, v.status, e.display_name as editor_name, r.display_name as reviewer_name, v.review_note, v.created_at, v.decided_at
    from kb_article_versions v join users e on e.id = v.editor_id left join users r on r.id = v.reviewer_id
    where v.article_id = ${id}::uuid order by v.version desc`) : [];
  return {
    ...presentSummary(row), body: row.a.body, myFeedback: mine?.useful ?? null,
    versions: versions.map((v) => ({
      version: v.version, title: v.title, body: v.body, status: v.status as KbArticle['versions'][number]['status'], editorName: v.editor_name,
      reviewerName: v.reviewer_name, reviewNote: v.review_note, createdAt: new Date(v.created_at).toISOString(), decidedAt: v.decided_at ? new Date(v.decided_at).toISOString() : null,
    })),
  };
}

/** Whether readers may see the article now (published, not archived, within its dates). */
export async function isReadable(db: Tx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: kbArticles.id }).from(kbArticles).where(and(eq(kbArticles.id, id), readable));
  return !!row;
}

export async function versionOf(db: Tx, articleId: string, version: number) {
  const [v] = await db.select().from(kbArticleVersions).where(and(eq(kbArticleVersions.articleId, articleId), eq(kbArticleVersions.version, version)));
  return v ?? null;
}

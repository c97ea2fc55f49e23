import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { KbArticle, KbArticleSummary, KbAttachment, KbListState } from '@kefu/shared/knowledge-api';
import type { Db, Tx } from '../../db/client.ts';
import { pgArray, queryRows } from '../../db/client.ts';
import { kbArticleFeedback, kbArticles, kbArticleVersions, kbAttachments, kbCategories, kbSynonyms, users } from '../../db/schema/index.ts';
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

/** Counted exactly up to here; beyond it the list says "1,000+" (a count of 30,000 matches costs more than the page). */
export const KB_COUNT_CAP = 1000;

/**
 * The order of a list: the most useful first, then the newest. The vectors
 * carry no positions or weights, so every article that matches all the words
 * would rank the same: ranking them would only cost (ts_rank over 30,000
 * matches of a common word at 100,000 articles took 60-180 ms), while this
 * order walks kb_articles_useful_idx and stops after one page.
 */
const usefulFirst = [desc(sql`${kbArticles.usefulCount} - ${kbArticles.notUsefulCount}`), desc(kbArticles.publishedAt), asc(kbArticles.id)];

/**
 * Articles by words (jieba, with synonyms): every word (or one of its
 * synonyms) must match; the most useful first. Editors can also list what
 * waits for review, unpublished drafts, published articles outside their
 * dates and archived ones; there words also match unpublished text.
 */
export async function searchArticles(db: Db, s: KbSearch): Promise<{ items: KbArticleSummary[]; total: number; totalCapped: boolean }> {
  const conds: (SQL | undefined)[] = [STATE_CONDITION[s.state]];
  if (s.categoryId) conds.push(inCategory(s.categoryId));
  if (s.kind) conds.push(eq(kbArticles.kind, s.kind));
  if (s.q) {
    const tsq = alternativesQuery(await synonymGroups(db, s.q), true);
    const ws = queryWords(s.q);
    if (!tsq && !ws.length) return { items: [], total: 0, totalCapped: false };
    const byVector = tsq ? sql`${kbArticles.searchVector} @@ ${tsq}::tsquery` : undefined;
    conds.push(s.state === 'published' || !ws.length ? byVector : or(byVector, pendingTextHas(ws)));
  }
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    selectSummary(db).where(where).orderBy(...usefulFirst).limit(s.limit).offset(s.offset),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${kbArticles} where ${where} limit ${KB_COUNT_CAP + 1}) m`),
  ]);
  return { items: rows.map(presentSummary), total: Math.min(count.n, KB_COUNT_CAP), totalCapped: count.n > KB_COUNT_CAP };
}

/**
 * The articles that fit a text (the work-order form's words, a customer's last
 * chat message), published and valid only: first those that match two or more
 * of its words, the more the better; then, if the page is not full, the most
 * useful that match one. Only the 200 most useful of the two-word matches are
 * ranked: a message made of common words ("整月订奶有没有优惠") matches a
 * sixth of a 100,000-article base, and ranking all of it took 300 ms.
 */
export async function suggestArticles(db: Db, text: string, limit: number): Promise<KbArticleSummary[]> {
  const groups = (await synonymGroups(db, text, true)).slice(0, MAX_SUGGEST_WORDS);
  const any = alternativesQuery(groups, false);
  if (!any) return [];
  const ids: string[] = [];
  const pairs = pairsQuery(groups);
  if (pairs) {
    const ranked = await queryRows<{ id: string }>(db, sql`
      select c.id from (
        select ${kbArticles.id}, ${kbArticles.searchVector} as v, ${kbArticles.usefulCount} - ${kbArticles.notUsefulCount} as useful, ${kbArticles.publishedAt} as at
        from ${kbArticles} where ${readable} and ${kbArticles.searchVector} @@ ${pairs}::tsquery
        order by ${sql.join(usefulFirst, sql`, `)} limit ${SUGGEST_CANDIDATES}) c
      order by ts_rank(c.v, ${any}::tsquery) desc, c.useful desc, c.at desc, c.id limit ${limit}`);
    ids.push(...ranked.map((r) => r.id));
  }
  if (ids.length < limit) {
    const more = await db.select({ id: kbArticles.id }).from(kbArticles)
      .where(and(readable, sql`${kbArticles.searchVector} @@ ${any}::tsquery`, ids.length ? sql`${kbArticles.id} <> all(${pgArray(ids)}::uuid[])` : undefined))
      .orderBy(...usefulFirst).limit(limit - ids.length);
    ids.push(...more.map((r) => r.id));
  }
  if (!ids.length) return [];
  const rows = await selectSummary(db).where(sql`${kbArticles.id} = any(${pgArray(ids)}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.a.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [presentSummary(byId.get(id)!)] : []));
}

const SUGGEST_CANDIDATES = 200;

/** The words of a message looked at for suggestions: 6 make 15 pairs. */
const MAX_SUGGEST_WORDS = 6;

/** A tsquery matching any two of the groups: (a & b) | (a & c) | (b & c)…; null with fewer than two. */
function pairsQuery(groups: string[][]): string | null {
  const parts = groups.map((g) => alternativesQuery([g], false)).filter((x): x is string => !!x);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) out.push(`(${parts[i]} & ${parts[j]})`);
  return out.length ? out.join(' | ') : null;
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
    ...presentSummary(row), body: row.a.body, myFeedback: mine?.useful ?? null, attachments: await articleAttachments(db, id),
    versions: versions.map((v) => ({
      version: v.version, title: v.title, body: v.body, status: v.status as KbArticle['versions'][number]['status'], editorName: v.editor_name,
      reviewerName: v.reviewer_name, reviewNote: v.review_note, createdAt: new Date(v.created_at).toISOString(), decidedAt: v.decided_at ? new Date(v.decided_at).toISOString() : null,
    })),
  };
}

/** The files of an article, oldest first. */
export async function articleAttachments(db: Tx, articleId: string): Promise<KbAttachment[]> {
  const rows = await db.select({ a: kbAttachments, by: users.displayName }).from(kbAttachments).leftJoin(users, eq(users.id, kbAttachments.uploadedById))
    .where(eq(kbAttachments.articleId, articleId)).orderBy(asc(kbAttachments.createdAt), asc(kbAttachments.id));
  return rows.map(({ a, by }) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, uploadedByName: by, createdAt: a.createdAt.toISOString() }));
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

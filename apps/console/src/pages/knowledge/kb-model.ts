import { KB_KINDS, KB_LIST_STATES, type KbArticle, type KbArticleSummary, type KbCategory, type KbListState } from '@kefu/shared/knowledge-api';
import type { z } from 'zod';
import type * as kb from '@kefu/shared/knowledge-api';
import type { Query } from '../../api/client.ts';

// The knowledge base's list filters, how an article's state reads, the
// category tree and the editor's request bodies: plain functions, tested.

export type KbKind = (typeof KB_KINDS)[number];
export const KB_PAGE_SIZE = 20;

export interface KbFilters {
  q?: string;
  categoryId?: string;
  kind?: KbKind;
  state: KbListState;
  /** 1-based */
  page: number;
}

export function parseKbFilters(params: URLSearchParams): KbFilters {
  const state = params.get('state') as KbListState | null;
  const kind = params.get('kind') as KbKind | null;
  const page = Number(params.get('page'));
  return {
    q: params.get('q') || undefined,
    categoryId: params.get('category') || undefined,
    kind: kind && (KB_KINDS as readonly string[]).includes(kind) ? kind : undefined,
    state: state && (KB_LIST_STATES as readonly string[]).includes(state) ? state : 'published',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeKbFilters(f: KbFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.q) out.set('q', f.q);
  if (f.categoryId) out.set('category', f.categoryId);
  if (f.kind) out.set('kind', f.kind);
  if (f.state !== 'published') out.set('state', f.state);
  if (f.page > 1) out.set('page', String(f.page));
  return out;
}

/** Readers list only what is published; a link to another state falls back to that. */
export function kbListQuery(f: KbFilters, editor: boolean): Query {
  return {
    q: f.q, categoryId: f.categoryId, kind: f.kind, state: editor ? f.state : 'published',
    limit: KB_PAGE_SIZE, offset: (f.page - 1) * KB_PAGE_SIZE,
  };
}

export type ArticleState = 'published' | 'inactive' | 'draft' | 'in_review' | 'rejected' | 'archived';

/** YYYY-MM-DD of a moment in the centre's zone (what the server's validity dates mean). */
export function dayOf(now: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * How an article stands: `main` is what readers get (published, outside its
 * dates, never published yet, archived); `pending` is a newer version of a
 * published one that is not what readers see yet.
 */
export function articleState(a: KbArticleSummary, today: string): { main: ArticleState; pending: 'draft' | 'in_review' | 'rejected' | null } {
  const newer = a.latestStatus === 'draft' || a.latestStatus === 'in_review' || a.latestStatus === 'rejected' ? a.latestStatus : null;
  if (a.archived) return { main: 'archived', pending: null };
  if (a.publishedVersion === null) return { main: newer ?? 'draft', pending: null };
  const outside = (a.validFrom !== null && a.validFrom > today) || (a.validUntil !== null && a.validUntil < today);
  return { main: outside ? 'inactive' : 'published', pending: newer };
}

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

/** The categories as a tree (sort, then name); one whose parent is gone sits at the top. */
export function categoryTree(cats: KbCategory[]): CategoryNode[] {
  const ids = new Set(cats.map((c) => c.id));
  const order = [...cats].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  const under = (parentId: string | null, seen: Set<string>): CategoryNode[] =>
    order
      .filter((c) => (parentId === null ? c.parentId === null || !ids.has(c.parentId) : c.parentId === parentId) && !seen.has(c.id))
      .map((c) => ({ value: c.id, title: c.name, children: under(c.id, new Set([...seen, c.id])) }));
  return under(null, new Set());
}

/** "产品知识 / 鲜奶": the category with the ones above it. */
export function categoryPath(cats: KbCategory[], id: string | null): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = cats.find((x) => x.id === id); c && !seen.has(c.id); c = cats.find((x) => x.id === c!.parentId)) {
    seen.add(c.id);
    names.unshift(c.name);
  }
  return names.join(' / ');
}

/** The categories a category may move under: not itself, not one of its own. */
export function possibleParents(cats: KbCategory[], id: string | null): KbCategory[] {
  if (!id) return cats;
  const below = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of cats) if (c.parentId && below.has(c.parentId) && !below.has(c.id)) below.add(c.id), (grew = true);
  }
  return cats.filter((c) => !below.has(c.id));
}

export interface EditorValues {
  title: string;
  kind: KbKind;
  categoryId?: string | null;
  tags?: string[];
  body: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

export type KbArticleBody = z.input<typeof kb.kbArticleBody>;
export type KbArticlePatch = z.input<typeof kb.kbArticlePatch>;

const tagsOf = (tags: string[] | undefined) => [...new Set((tags ?? []).map((x) => x.trim()).filter(Boolean))];

/** What the editor starts from: the newest version's text (a draft may be newer than what readers see). */
export function editorValues(a: KbArticle): EditorValues {
  const latest = a.versions[0];
  return {
    title: latest?.title ?? a.title, body: latest?.body ?? a.body, kind: a.kind, categoryId: a.categoryId, tags: a.tags,
    validFrom: a.validFrom, validUntil: a.validUntil,
  };
}

export function newArticleBody(v: EditorValues, submit: boolean): KbArticleBody {
  return {
    kind: v.kind, categoryId: v.categoryId ?? null, title: v.title.trim(), body: v.body.trim(), tags: tagsOf(v.tags),
    validFrom: v.validFrom || null, validUntil: v.validUntil || null, submit,
  };
}

/**
 * Only what changed: a title or text sent unchanged would still make a new
 * version of a published article, so they go only when edited.
 */
export function articlePatch(a: KbArticle, v: EditorValues, submit: boolean): KbArticlePatch {
  const was = editorValues(a);
  const patch: KbArticlePatch = {};
  if (v.title.trim() !== was.title) patch.title = v.title.trim();
  if (v.body.trim() !== was.body) patch.body = v.body.trim();
  if (v.kind !== was.kind) patch.kind = v.kind;
  if ((v.categoryId ?? null) !== was.categoryId) patch.categoryId = v.categoryId ?? null;
  const tags = tagsOf(v.tags);
  if (tags.join('\n') !== (was.tags ?? []).join('\n')) patch.tags = tags;
  if ((v.validFrom || null) !== was.validFrom) patch.validFrom = v.validFrom || null;
  if ((v.validUntil || null) !== was.validUntil) patch.validUntil = v.validUntil || null;
  if (submit) patch.submit = true;
  return patch;
}

/** The version a reviewer decides on: the newest one, while it waits for review. */
export function versionInReview(a: KbArticle): number | null {
  const v = a.versions.find((x) => x.status === 'in_review');
  return v ? v.version : null;
}

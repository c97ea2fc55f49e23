import { describe, expect, it } from 'vitest';
import { kbArticleBody, kbArticlePatch, type KbArticle, type KbArticleSummary } from '@kefu/shared/knowledge-api';
import {
  articlePatch, articleState, categoryPath, categoryTree, dayOf, editorValues, kbListQuery, newArticleBody, parseKbFilters, possibleParents, versionInReview, writeKbFilters,
} from './kb-model.ts';

const A = '0b6f1c2e-4a7d-4f3e-9c1a-2d5e8f9a0b1c';
const B = '1c7a2d3f-5b8e-4a4f-8d2b-3e6f9a0b1c2d';
const C = '2d8b3e4a-6c9f-4b5a-9e3c-4f7a0b1c2d3e';

const summary = (over: Partial<KbArticleSummary> = {}): KbArticleSummary => ({
  id: A, kind: 'faq', categoryId: null, categoryName: null, title: '保质期', excerpt: '', tags: [], validFrom: null, validUntil: null,
  publishedVersion: 1, latestVersion: 1, publishedAt: '2026-01-01T00:00:00Z', usefulCount: 0, notUsefulCount: 0, archived: false, latestStatus: 'published', ...over,
});
const version = (n: number, status: KbArticle['versions'][number]['status'], title: string, body: string) => ({
  version: n, title, body, status, editorName: '张敏', reviewerName: null, reviewNote: null, createdAt: '2026-01-01T00:00:00Z', decidedAt: null,
});
const article = (over: Partial<KbArticle> = {}): KbArticle => ({
  ...summary(), body: '冷藏 7 天', versions: [version(1, 'published', '保质期', '冷藏 7 天')], myFeedback: null, attachments: [], tags: ['鲜奶'], ...over,
});

describe('knowledge base list', () => {
  it('keeps its filters in the URL and asks for one page', () => {
    const f = parseKbFilters(new URLSearchParams('q=保质期&category=' + A + '&kind=faq&state=review&page=3'));
    expect(f).toEqual({ q: '保质期', categoryId: A, kind: 'faq', state: 'review', page: 3 });
    expect(parseKbFilters(writeKbFilters(f))).toEqual(f);
    expect(parseKbFilters(new URLSearchParams('state=bogus&kind=x&page=-2'))).toEqual({ state: 'published', page: 1 });
    expect(writeKbFilters({ state: 'published', page: 1 }).toString()).toBe('');
    expect(kbListQuery(f, true)).toMatchObject({ state: 'review', limit: 20, offset: 40 });
    // a reader who follows an editor's link gets what readers may see
    expect(kbListQuery(f, false).state).toBe('published');
  });

  it('says how an article stands: readers\' version, and a newer one on its way', () => {
    const today = '2026-06-01';
    expect(articleState(summary(), today)).toEqual({ main: 'published', pending: null });
    expect(articleState(summary({ validUntil: '2026-05-31' }), today).main).toBe('inactive');
    expect(articleState(summary({ validFrom: '2026-06-02' }), today).main).toBe('inactive');
    expect(articleState(summary({ validFrom: '2026-06-01', validUntil: '2026-06-01' }), today).main).toBe('published');
    expect(articleState(summary({ latestVersion: 2, latestStatus: 'in_review' }), today)).toEqual({ main: 'published', pending: 'in_review' });
    expect(articleState(summary({ publishedVersion: null, latestStatus: 'rejected' }), today)).toEqual({ main: 'rejected', pending: null });
    expect(articleState(summary({ archived: true, latestStatus: 'draft' }), today)).toEqual({ main: 'archived', pending: null });
    expect(dayOf(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
  });
});

describe('categories', () => {
  const cats = [
    { id: A, name: '配送', parentId: null, sort: 2 },
    { id: B, name: '产品', parentId: null, sort: 1 },
    { id: C, name: '鲜奶', parentId: B, sort: 0 },
  ];
  it('nests them in their order and names a category with the ones above it', () => {
    expect(categoryTree(cats)).toEqual([
      { value: B, title: '产品', children: [{ value: C, title: '鲜奶', children: [] }] },
      { value: A, title: '配送', children: [] },
    ]);
    expect(categoryPath(cats, C)).toBe('产品 / 鲜奶');
    expect(categoryPath(cats, null)).toBe('');
    // an orphan (its parent deleted elsewhere) is still shown
    expect(categoryTree([{ id: C, name: '鲜奶', parentId: '3e9c4f5b-7d0a-4c6b-8f4d-5a8b1c2d3e4f', sort: 0 }])).toHaveLength(1);
  });

  it('offers as parents only categories that are not the category itself or below it', () => {
    expect(possibleParents(cats, B).map((c) => c.name)).toEqual(['配送']);
    expect(possibleParents(cats, C).map((c) => c.name)).toEqual(['配送', '产品']);
  });
});

describe('the article editor', () => {
  it('builds a new article\'s body as the server expects it', () => {
    const body = newArticleBody({ title: ' 保质期 ', kind: 'faq', body: ' 冷藏 ', tags: ['鲜奶', ' 鲜奶', ''], validFrom: '', validUntil: '2026-12-31' }, true);
    expect(body).toEqual({ kind: 'faq', categoryId: null, title: '保质期', body: '冷藏', tags: ['鲜奶'], validFrom: null, validUntil: '2026-12-31', submit: true });
    expect(kbArticleBody.strict().safeParse(body).success).toBe(true);
  });

  it('starts from the newest version and sends only what changed (an unchanged text makes no new version)', () => {
    const a = article({ latestVersion: 2, latestStatus: 'draft', versions: [version(2, 'draft', '保质期(新)', '冷藏 5 天'), version(1, 'published', '保质期', '冷藏 7 天')] });
    const v = editorValues(a);
    expect(v).toMatchObject({ title: '保质期(新)', body: '冷藏 5 天', tags: ['鲜奶'] });
    expect(articlePatch(a, v, false)).toEqual({});
    expect(articlePatch(a, { ...v, tags: ['鲜奶', '保质期'] }, false)).toEqual({ tags: ['鲜奶', '保质期'] });
    const submitted = articlePatch(a, { ...v, body: '冷藏 6 天', validUntil: '2026-12-31' }, true);
    expect(submitted).toEqual({ body: '冷藏 6 天', validUntil: '2026-12-31', submit: true });
    expect(kbArticlePatch.strict().safeParse(submitted).success).toBe(true);
    expect(versionInReview(a)).toBeNull();
    expect(versionInReview(article({ versions: [version(2, 'in_review', 'x', 'y'), version(1, 'published', 'x', 'z')] }))).toBe(2);
  });
});

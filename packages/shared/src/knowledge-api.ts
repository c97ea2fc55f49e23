import { z } from 'zod';
import { id, isoDate } from './api.ts';

// The knowledge base (知识库) and canned replies (话术): shapes of /api/v1/kb
// and /api/v1/canned-replies, shared by the server and the console.

export const KB_KINDS = ['article', 'faq', 'script'] as const;
export const KB_VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'superseded'] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const kbCategory = z.object({ id, name: z.string(), parentId: id.nullable(), sort: z.number().int() });
export const kbCategoryBody = z.object({ name: z.string().trim().min(1).max(64), parentId: id.nullable().optional(), sort: z.number().int().min(0).max(9999).optional() }).strict();

export const kbArticleSummary = z.object({
  id, kind: z.enum(KB_KINDS), categoryId: id.nullable(), categoryName: z.string().nullable(), title: z.string(),
  /** the start of the published text */
  excerpt: z.string(), tags: z.array(z.string()), validFrom: day.nullable(), validUntil: day.nullable(),
  publishedVersion: z.number().int().nullable(), latestVersion: z.number().int(), publishedAt: isoDate.nullable(),
  usefulCount: z.number().int(), notUsefulCount: z.number().int(), archived: z.boolean(),
});
export type KbArticleSummary = z.infer<typeof kbArticleSummary>;
export const kbVersion = z.object({
  version: z.number().int(), title: z.string(), body: z.string(), status: z.enum(KB_VERSION_STATUSES),
  editorName: z.string(), reviewerName: z.string().nullable(), reviewNote: z.string().nullable(), createdAt: isoDate, decidedAt: isoDate.nullable(),
});
export const kbArticle = kbArticleSummary.extend({
  body: z.string(),
  /** for editors: every version, newest first */
  versions: z.array(kbVersion),
});
export type KbArticle = z.infer<typeof kbArticle>;

export const kbArticleBody = z.object({
  kind: z.enum(KB_KINDS).default('article'),
  categoryId: id.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
  tags: z.array(z.string().trim().min(1).max(32)).max(20).default([]),
  validFrom: day.nullable().optional(),
  validUntil: day.nullable().optional(),
  /** send the first version for review at once */
  submit: z.boolean().default(false),
}).strict();
/** a new version of the text (a draft), and/or the article's other properties */
export const kbArticlePatch = kbArticleBody.partial().strict();
export const kbReviewBody = z.object({ version: z.number().int().min(1), approve: z.boolean(), note: z.string().trim().max(500).optional() }).strict();
export const kbQuery = z.object({
  q: z.string().trim().max(200).optional(),
  categoryId: id.optional(),
  kind: z.enum(KB_KINDS).optional(),
  /** editors: `review` = versions waiting for review, `draft` = unpublished articles, `archived` */
  state: z.enum(['published', 'review', 'draft', 'archived']).default('published'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
/** A page of the search; `total` counts up to 1,000, and `totalCapped` says there are more. */
export const kbArticleList = z.object({ items: z.array(kbArticleSummary), total: z.number().int(), totalCapped: z.boolean() });
export type KbArticleList = z.infer<typeof kbArticleList>;
export const kbSuggestQuery = z.object({ text: z.string().trim().min(1).max(2000), limit: z.coerce.number().int().min(1).max(10).default(5) });
export const kbFeedbackBody = z.object({ useful: z.boolean() }).strict();
export const kbSynonymGroup = z.object({ id, words: z.array(z.string()) });
export const kbSynonymBody = z.object({ words: z.array(z.string().trim().min(1).max(32)).min(2).max(20) }).strict();

// ---------- canned replies (话术) ----------
/** The variables a canned reply may hold, filled in the composer. */
export const CANNED_VARIABLES = ['customerName', 'agentName', 'jobNumber', 'shopName'] as const;
export type CannedVariables = Partial<Record<(typeof CANNED_VARIABLES)[number], string | null>>;

export const cannedReply = z.object({
  id, teamId: id.nullable(), teamName: z.string().nullable(), shortcut: z.string(), title: z.string(), body: z.string(),
  category: z.string().nullable(), useCount: z.number().int(), updatedAt: isoDate,
});
export type CannedReply = z.infer<typeof cannedReply>;
export const cannedReplyBody = z.object({
  teamId: id.nullable().optional(),
  shortcut: z.string().trim().regex(/^[\p{L}\p{N}_-]{1,24}$/u, 'letters, digits, - and _ (1–24)'),
  title: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1).max(2000),
  category: z.string().trim().max(32).nullable().optional(),
}).strict();
export const cannedReplyPatch = cannedReplyBody.partial().strict();
export const cannedQuery = z.object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });

/**
 * Fills {customerName}, {agentName}, {jobNumber}, {shopName}; a variable with
 * no value becomes an empty string, an unknown one is left as written.
 */
export function fillVariables(body: string, values: CannedVariables): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (CANNED_VARIABLES as readonly string[]).includes(name) ? values[name as keyof CannedVariables] ?? '' : whole);
}

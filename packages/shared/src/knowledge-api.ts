import { z } from 'zod';
import { id, isoDate } from './api.ts';
import { YEAR_RANGE } from './instant.ts';

// The knowledge base (知识库) and canned replies (话术): shapes of /api/v1/kb
// and /api/v1/canned-replies, shared by the server and the console.

export const KB_KINDS = ['article', 'faq', 'script'] as const;
export const KB_VERSION_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'superseded'] as const;
/** What a reader of the list sees an article as: readable, outside its dates, waiting, unpublished, archived. */
export const KB_LIST_STATES = ['published', 'inactive', 'review', 'draft', 'archived'] as const;
export type KbListState = (typeof KB_LIST_STATES)[number];

/** A calendar day that exists (no 2026-02-30), in YEAR_RANGE. */
function isCalendarDay(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isCalendarDay, 'a calendar day (YYYY-MM-DD)');

export const kbCategory = z.object({ id, name: z.string(), parentId: id.nullable(), sort: z.number().int() });
export const kbCategoryBody = z.object({ name: z.string().trim().min(1).max(64), parentId: id.nullable().optional(), sort: z.number().int().min(0).max(9999).optional() }).strict();
export const kbCategoryPatch = kbCategoryBody.partial().strict();

export const kbArticleSummary = z.object({
  id, kind: z.enum(KB_KINDS), categoryId: id.nullable(), categoryName: z.string().nullable(), title: z.string(),
  /** the start of the published text */
  excerpt: z.string(), tags: z.array(z.string()), validFrom: day.nullable(), validUntil: day.nullable(),
  publishedVersion: z.number().int().nullable(), latestVersion: z.number().int(), publishedAt: isoDate.nullable(),
  usefulCount: z.number().int(), notUsefulCount: z.number().int(), archived: z.boolean(),
  /** where the newest version stands: a draft, waiting for review, published, sent back */
  latestStatus: z.enum(KB_VERSION_STATUSES),
});
export type KbArticleSummary = z.infer<typeof kbArticleSummary>;
export const kbVersion = z.object({
  version: z.number().int(), title: z.string(), body: z.string(), status: z.enum(KB_VERSION_STATUSES),
  editorName: z.string(), reviewerName: z.string().nullable(), reviewNote: z.string().nullable(), createdAt: isoDate, decidedAt: isoDate.nullable(),
});
/** Files an article can carry (KB-01: the standard answers with their forms, photos and price lists). */
export const KB_ATTACHMENT_TYPES = [
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export const kbAttachment = z.object({ id, fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedByName: z.string().nullable(), createdAt: isoDate });
export type KbAttachment = z.infer<typeof kbAttachment>;

export const kbArticle = kbArticleSummary.extend({
  body: z.string(),
  /** files attached to the article, oldest first */
  attachments: z.array(kbAttachment),
  /** for editors: every version, newest first */
  versions: z.array(kbVersion),
  /** what the reader answered to "was this useful?" (null: not yet) */
  myFeedback: z.boolean().nullable(),
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
/** a version sent back needs a note saying why (KB_REVIEW_NOTE_REQUIRED) */
export const kbReviewBody = z.object({ version: z.number().int().min(1), approve: z.boolean(), note: z.string().trim().max(500).optional() }).strict();
export const kbQuery = z.object({
  q: z.string().trim().max(200).optional(),
  categoryId: id.optional(),
  kind: z.enum(KB_KINDS).optional(),
  /**
   * editors: `inactive` = published but outside its validity dates, `review` =
   * a version waits for review, `draft` = never published, `archived`
   */
  state: z.enum(KB_LIST_STATES).default('published'),
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
export type KbCategory = z.infer<typeof kbCategory>;
export type KbSynonymGroup = z.infer<typeof kbSynonymGroup>;

// ---------- canned replies (话术) ----------
/**
 * The variables a canned reply may hold, filled in the composer: the
 * conversation's customer, the agent, and the shop facts of the chat's
 * channel (its settings' `shop`, CHN-17).
 */
export const CANNED_VARIABLES = ['customerName', 'agentName', 'jobNumber', 'shopName', 'shopCourier', 'shopReturnPolicy', 'shopPhone', 'shopHours'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedVariables = Partial<Record<CannedVariable, string | null>>;
const VARIABLE = /\{(\w+)\}/g;

/** The `{names}` in a text that are not canned-reply variables (a typo would reach the customer as written). */
export function unknownVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]).filter((n) => !(CANNED_VARIABLES as readonly string[]).includes(n)))];
}

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
export const cannedQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /**
   * whose: none = my team's and everyone's (what the composer offers); `shared` =
   * everyone's only; a team id = that team's (kb:publish for another team);
   * `all` = every team's and everyone's (kb:publish)
   */
  team: z.union([id, z.enum(['shared', 'all'])]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Fills the CANNED_VARIABLES ({customerName}, {shopCourier}…); a variable with
 * no value becomes an empty string, an unknown one is left as written.
 */
export function fillVariables(body: string, values: CannedVariables): string {
  return body.replace(VARIABLE, (whole, name: string) =>
    (CANNED_VARIABLES as readonly string[]).includes(name) ? values[name as keyof CannedVariables] ?? '' : whole);
}

import type { Locale } from '../../../platform/errors.ts';

// Notification templates are data (admins may edit them later), so they are
// checked before use: placeholders are {{dotted.path}}, and any other brace is a
// mistake (a single-brace {ticket.number} would otherwise reach the customer).

export interface NotificationTemplate {
  /** e-mail subject, in-app title; one line */
  title: string;
  /** plain text; line breaks become <br> in the HTML variant */
  body: string;
}

export type LocalizedTemplate = Record<Locale, NotificationTemplate>;

/**
 * Nested values reached by dotted paths: { ticket: { number: 'GD...' } }. Strings,
 * numbers, booleans and dates render; anything else counts as missing.
 */
export type TemplateVars = Readonly<Record<string, unknown>>;

export interface RenderedNotification {
  title: string;
  text: string;
  /** the body with literal text and values HTML-escaped; http(s) values become links */
  html: string;
  /** placeholders without a value (rendered empty), e.g. ['customer.name'] */
  missing: string[];
}

export type TemplateErrorCode = 'UNBALANCED_BRACES' | 'INVALID_PLACEHOLDER' | 'UNKNOWN_VARIABLE' | 'EMPTY_TEMPLATE';

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    readonly locale: Locale,
    readonly field: keyof NotificationTemplate,
    detail: string,
    /** character offset in the field, when the problem has one */
    readonly position?: number,
  ) {
    super(`${locale} ${field}: ${detail}`);
    this.name = 'TemplateError';
  }
}

type Segment = { literal: string } | { path: string };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function parse(text: string, locale: Locale, field: keyof NotificationTemplate): Segment[] {
  const segments: Segment[] = [];
  const pushLiteral = (literal: string, offset: number) => {
    const stray = literal.search(/[{}]/);
    if (stray >= 0) {
      const at = offset + stray;
      const near = text.slice(Math.max(0, at - 10), at + 10);
      throw new TemplateError('UNBALANCED_BRACES', locale, field, `unbalanced brace at character ${at} near "${near}"; placeholders are written {{name}}`, at);
    }
    if (literal) segments.push({ literal });
  };
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    pushLiteral(text.slice(last, m.index), last);
    const path = m[1].trim();
    if (!PATH.test(path)) {
      throw new TemplateError('INVALID_PLACEHOLDER', locale, field, `"${m[0]}" is not a variable name such as {{ticket.number}}`, m.index);
    }
    segments.push({ path });
    last = m.index + m[0].length;
  }
  pushLiteral(text.slice(last), last);
  return segments;
}

/** Variable paths a text uses, in order of first use. Throws TemplateError like validateTemplate. */
export function placeholdersOf(text: string, locale: Locale = 'zh-CN', field: keyof NotificationTemplate = 'body'): string[] {
  const paths = parse(text, locale, field).flatMap((s) => ('path' in s ? [s.path] : []));
  return [...new Set(paths)];
}

/**
 * Refuses a template that cannot render as written: a missing language or empty
 * text, unbalanced braces, a malformed placeholder, or (when `variables` lists
 * what the event provides) a variable the event does not have.
 */
export function validateTemplate(template: LocalizedTemplate, options: { variables?: readonly string[] } = {}): void {
  const known = options.variables ? new Set(options.variables) : undefined;
  for (const locale of ['zh-CN', 'en-US'] as const) {
    for (const field of ['title', 'body'] as const) {
      const text = template[locale]?.[field];
      if (typeof text !== 'string' || !text.trim()) {
        throw new TemplateError('EMPTY_TEMPLATE', locale, field, 'text is missing');
      }
      for (const path of placeholdersOf(text, locale, field)) {
        if (known && !known.has(path)) {
          throw new TemplateError('UNKNOWN_VARIABLE', locale, field, `unknown variable {{${path}}}; available: ${[...known].join(', ')}`);
        }
      }
    }
  }
}

export function renderTemplate(
  template: LocalizedTemplate,
  vars: TemplateVars,
  locale: Locale,
  options: { timeZone?: string } = {},
): RenderedNotification {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const { title, body } = template[locale];
  const titleSegments = parse(title, locale, 'title');
  const bodySegments = parse(body, locale, 'body');

  const missing = new Set<string>();
  const valueOf = (path: string): string => {
    const value = formatValue(lookup(vars, path), locale, timeZone);
    if (value === undefined) missing.add(path);
    return value ?? '';
  };

  const renderedTitle = titleSegments
    .map((s) => ('path' in s ? valueOf(s.path) : s.literal))
    .join('')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  const text = bodySegments.map((s) => ('path' in s ? valueOf(s.path) : s.literal)).join('');
  const html = bodySegments
    .map((s) => ('path' in s ? htmlValue(valueOf(s.path)) : escapeHtml(s.literal)))
    .join('')
    .replace(/\r?\n/g, '<br>\n');
  return { title: renderedTitle, text, html, missing: [...missing] };
}

function lookup(vars: TemplateVars, path: string): unknown {
  let current: unknown = vars;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || current instanceof Date || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Timestamps arrive as Date, or as ISO strings when they come through a JSON job payload.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function formatValue(value: unknown, locale: Locale, timeZone: string): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : formatTime(value, locale, timeZone);
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? formatTime(new Date(value), locale, timeZone) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(date);
}

function htmlValue(value: string): string {
  const escaped = escapeHtml(value);
  return /^https?:\/\/\S+$/.test(value) ? `<a href="${escaped}">${escaped}</a>` : escaped;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

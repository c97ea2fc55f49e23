import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

// Text the database cannot store faithfully is refused at the door, for every
// route at once: a NUL byte (PostgreSQL text and jsonb refuse it) and a lone
// UTF-16 surrogate (it would be stored as U+FFFD, silently changing the text).
// Keys are checked too: form fields and answers are stored as jsonb.

const MAX_DEPTH = 32;

/** The path of the first string (or key) that cannot be stored, or null. */
export function unstorableTextAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unstorableTextAt(value[i], `${path}.${i}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (!isStorableText(k)) return `${path}.(key)`;
    const bad = unstorableTextAt(v, `${path}.${k}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

function check(req: FastifyRequest): void {
  for (const [where, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
    const bad = unstorableTextAt(value, where);
    if (bad) throw new AppError('INVALID_TEXT', { path: bad });
  }
}

/** Before any schema or handler sees the request (a preValidation hook on the root instance). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => check(req));
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, localizeParams, renderError, type Locale } from '../errors.ts';
import { requestLocale } from './locale.ts';
import { loggableError } from '../log-safety.ts';

interface Issue {
  path: string;
  code: string;
  expected?: string;
  maximum?: number;
  minimum?: number;
  keys?: string[];
  message: string;
}

const ISSUE_TEXT: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    required: '必填',
    invalid_type: '类型错误,应为 {expected}',
    too_big: '过长或过大(最多 {maximum})',
    too_small: '过短或过小(至少 {minimum})',
    unrecognized_keys: '不认识的字段:{keys}',
    invalid_format: '格式不正确',
    invalid_value: '取值无效,可选:{values}',
    invalid_union: '格式不正确',
    other: '无效',
  },
  'en-US': {
    required: 'is required',
    invalid_type: 'has the wrong type; expected {expected}',
    too_big: 'is too long or too large (max {maximum})',
    too_small: 'is too short or too small (min {minimum})',
    unrecognized_keys: 'has unknown fields: {keys}',
    invalid_format: 'has an invalid format',
    invalid_value: 'has an invalid value; allowed: {values}',
    invalid_union: 'has an invalid format',
    other: 'is invalid',
  },
};

// zod's own messages start like this; anything else was written in a schema
// (a regex hint, a refinement) and says more than the generic text
const GENERIC = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)/;

function describeIssue(i: Issue, locale: Locale): string {
  const missing = i.code === 'invalid_type' && /received undefined/.test(i.message);
  const key = missing ? 'required' : ISSUE_TEXT[locale][i.code] ? i.code : 'other';
  const text = ISSUE_TEXT[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = (i as unknown as Record<string, unknown>)[k];
    return Array.isArray(v) ? v.join(', ') : String(v ?? '');
  });
  const hint = i.message && !GENERIC.test(i.message) ? ` (${i.message})` : '';
  return `${i.path || '(body)'} ${text}${hint}`;
}

/** Unknown API routes: a 404 in the same error shape as every other error. */
export function sendRouteNotFound(req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req);
  return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: renderError('ROUTE_NOT_FOUND', {}, locale) } });
}

/**
 * A value the database refused as data (SQLSTATE class 22: out-of-range dates
 * and numbers, bad encodings, over-long text): the request was at fault, so a
 * 400 — a safety net behind the schemas and the input guard.
 */
function isDataException(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (err as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * Errors Fastify meets before routing (a path that is not valid UTF-8, a path
 * parameter over the length limit): the same error shape as every other.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req);
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
  const summary = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? (locale === 'zh-CN' ? '路径参数过长' : 'a path parameter is too long')
    : (locale === 'zh-CN' ? '路径不是有效的 UTF-8' : 'the path is not valid UTF-8');
  return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: renderError('BAD_REQUEST', { summary }, locale) } });
}

/** Errors leave the server as {error:{code,message}} in the caller's language; 5xx hide internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const locale = requestLocale(req);
    if (err instanceof AppError) {
      const message = renderError(err.code, localizeParams(err.params, locale), locale);
      return reply.status(err.status).send({ error: { code: err.code, message, details: err.details, allowed: err.allowed } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const ctx = (err as { validationContext?: string }).validationContext ?? 'body';
      const details = err.validation.map((v) => {
        const rest = v.instancePath.split('/').filter(Boolean).join('.');
        const path = rest ? `${ctx}.${rest}` : ctx;
        const i: Issue = { ...(v.params as object), path, code: v.keyword, message: v.message ?? '' };
        return { path, message: describeIssue(i, locale) };
      });
      const summary = details.map((d) => d.message).join('; ');
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: renderError('BAD_REQUEST', { summary }, locale), details } });
    }
    if (isDataException(err)) {
      req.log.warn({ err: loggableError(err) }, 'the database refused a value of the request');
      return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: renderError('BAD_REQUEST', { summary: locale === 'zh-CN' ? '数据超出范围或格式无效' : 'a value is out of range or malformed' }, locale) } });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: loggableError(err), cause: loggableError(err.cause) }, 'response does not match its schema');
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: { code: 'INVALID_JSON', message: renderError('INVALID_JSON', {}, locale) } });
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' && req.routeOptions.config?.uploadMaxMb) {
      return reply.status(415).send({ error: { code: 'UNSUPPORTED_FILE', message: renderError('UNSUPPORTED_FILE', {}, locale) } });
    } else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' && req.routeOptions.config?.uploadMaxMb) {
      const maxMb = req.routeOptions.config.uploadMaxMb;
      return reply.status(413).send({ error: { code: 'FILE_TOO_LARGE', message: renderError('FILE_TOO_LARGE', { maxMb }, locale) } });
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      const e = err as FastifyError;
      const code = e.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      const message = code === 'RATE_LIMITED' ? renderError(code, {}, locale) : renderError('BAD_REQUEST', { summary: e.message }, locale);
      return reply.status(e.statusCode!).send({ error: { code, message } });
    } else {
      req.log.error({ err: loggableError(err) }, 'unhandled error');
    }
    return reply.status(500).send({ error: { code: 'INTERNAL', message: renderError('INTERNAL', {}, locale) } });
  });
}

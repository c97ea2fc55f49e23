import type { FastifyRequest } from 'fastify';
import type { Locale } from '../errors.ts';

/** The console sends Accept-Language with the user's chosen language; API clients may too. */
export function requestLocale(req: FastifyRequest): Locale {
  const h = req.headers['accept-language'];
  if (typeof h === 'string' && h.trim()) {
    const first = h.split(',')[0].trim().toLowerCase();
    if (first.startsWith('en')) return 'en-US';
    if (first.startsWith('zh')) return 'zh-CN';
  }
  return req.principal?.locale ?? 'zh-CN';
}

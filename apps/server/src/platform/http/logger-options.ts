import type { FastifyRequest } from 'fastify';

// What the request log may hold: method, path, status, timing — never the
// query string (searches carry phone numbers and addresses), headers with
// credentials, or personal fields of any object logged beside them.

const PII_KEYS = ['phone', 'callerNumber', 'address', 'email', 'password', 'oldPassword', 'newPassword', 'token', 'params', 'q'];

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
        ...PII_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: pathOnly(req.url), remoteAddress: req.ip };
      },
    },
  };
}

/** The path of a URL without its query string. */
export function pathOnly(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : `${url.slice(0, i)}?…`;
}

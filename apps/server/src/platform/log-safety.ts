import { truncate } from './text.ts';

// Logs and stored error texts must not carry personal data. The usual carrier
// is a failed query: drizzle's message ends with its parameters (phone numbers,
// addresses, names). These keep the SQL text and the database's own words.

interface QueryError extends Error {
  query: string;
  params: unknown;
  cause?: { code?: unknown; message?: unknown };
}

function isQueryError(err: unknown): err is QueryError {
  return err instanceof Error && 'params' in err && typeof (err as { query?: unknown }).query === 'string';
}

/** An error as the log may keep it. */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: errorText(err) };
  if (isQueryError(err)) {
    return { type: err.name, message: errorText(err), query: err.query, dbCode: err.cause?.code, stack: err.stack?.split('\n').slice(1).join('\n') };
  }
  return { type: err.name, message: err.message, code: (err as { code?: unknown }).code, stack: err.stack };
}

/** One line for a log field or an error column (jobs, outbox, deliveries), at most `max` characters. */
export function errorText(err: unknown, max = 2000): string {
  if (isQueryError(err)) {
    const db = typeof err.cause?.message === 'string' ? `: ${err.cause.message}` : '';
    return truncate(`query failed${db} (${err.query})`, max);
  }
  return truncate(err instanceof Error ? err.message : String(err), max);
}

import { Alert, Typography } from 'antd';
import { ApiError, type ErrorDetail } from '../api/client.ts';

// The editors report a rejected save themselves (the API client stays silent):
// the message on top, each detail with its field named in words.

export interface ServerError {
  message: string;
  details?: ErrorDetail[];
}

/** A save's error worth showing in the editor (a lost session goes to the login page instead). */
export function serverErrorOf(e: unknown): ServerError | null {
  return e instanceof ApiError && e.status !== 401 ? { message: e.message, details: e.details } : null;
}

// the server's detail repeats the raw path first; the field is already named in words
const withoutPath = (d: ErrorDetail) => (d.message.startsWith(d.path) ? d.message.slice(d.path.length).trim() : d.message);

export function ServerErrorAlert({ error, pathLabel, testId }: { error: ServerError | null; pathLabel: (path: string) => string; testId: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={error.message}
      description={
        error.details?.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {error.details.map((d, i) => (
              <li key={i}>
                <Typography.Text strong>{pathLabel(d.path)}</Typography.Text>: {withoutPath(d)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      data-testid={testId}
    />
  );
}

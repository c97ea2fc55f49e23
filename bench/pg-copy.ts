// COPY ... FROM STDIN over node-postgres, which has no API for it: a minimal
// "submittable" (the hook pg-copy-streams uses) that sends the text in chunks.

import type pg from 'pg';

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 1 << 20;

class CopyIn {
  private error: unknown = null;
  constructor(private text: string, private data: string, private done: (err: unknown) => void) {}
  submit(connection: Connection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection): void {
    const buf = Buffer.from(this.data, 'utf8');
    for (let i = 0; i < buf.length; i += CHUNK) connection.sendCopyFromChunk(buf.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(): void {}
  handleError(err: unknown): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    this.done(this.error);
  }
  // not expected during COPY FROM, but the client may call them
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
  handlePortalSuspended(): void {}
}

export function copyIn(client: pg.Client, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(sql, data, (err) => (err ? reject(err) : resolve())) as never);
  });
}

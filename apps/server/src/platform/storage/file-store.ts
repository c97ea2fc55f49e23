import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded files live. Local disk by default; an S3-compatible store can implement the same. */
export interface FileStore {
  /** stores the bytes under a new key; answers the key and their sha256 */
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  /** the bytes of a key, or null when they are gone */
  get(key: string): Promise<Buffer | null>;
  /** forgets a key (retention); a missing one is no error */
  remove(key: string): Promise<void>;
}

/**
 * Files on local disk under `root`, one per key (yyyy/mm/uuid). Written to
 * disk before the upload is answered; keys are made here, never taken from a
 * client, so no path can escape the root.
 */
export class LocalFileStore implements FileStore {
  constructor(private root: string) {}

  async put(bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const file = path.join(this.root, key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'wx' });
    return { key, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async remove(key: string): Promise<void> {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) return;
    await rm(path.join(this.root, key), { force: true });
  }

  async get(key: string): Promise<Buffer | null> {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) return null;
    try {
      return await readFile(path.join(this.root, key));
    } catch {
      return null;
    }
  }
}

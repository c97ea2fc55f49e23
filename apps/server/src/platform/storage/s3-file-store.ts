import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { FileStore } from './file-store.ts';

// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, 阿里云 OSS / 腾讯云
// COS in their S3 modes), for installations whose servers keep no disk of
// their own or run several instances. Plain HTTPS with Signature Version 4
// signed here (no SDK): PUT, GET and DELETE of one object are all Kefu needs.
// Keys are made here (yyyy/mm/uuid), never taken from a client.

export interface S3Settings {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn or http://127.0.0.1:9000 (path-style: <endpoint>/<bucket>/<key>) */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986, as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ encoded */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Authorization header of a request (AWS Signature Version 4, service s3).
 * `headers` are those to sign, lower-case names; they must include host,
 * x-amz-date and x-amz-content-sha256.
 */
export function signV4(s: Pick<S3Settings, 'region' | 'accessKeyId' | 'secretAccessKey'>, method: string, path: string, headers: Record<string, string>): string {
  const amzDate = headers['x-amz-date'];
  const day = amzDate.slice(0, 8);
  const names = Object.keys(headers).map((k) => k.toLowerCase()).sort();
  const canonicalHeaders = names.map((k) => `${k}:${headers[k].trim().replace(/\s+/g, ' ')}\n`).join('');
  const signed = names.join(';');
  const canonical = [method, path, '', canonicalHeaders, signed, headers['x-amz-content-sha256']].join('\n');
  const scope = `${day}/${s.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${s.secretAccessKey}`, day), s.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
}

export class S3FileStore implements FileStore {
  constructor(private s: S3Settings, private now: () => Date = () => new Date()) {}

  private async request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    const url = new URL(this.s.endpoint);
    const path = `${url.pathname.replace(/\/$/, '')}/${encode(this.s.bucket)}/${key.split('/').map(encode).join('/')}`;
    const amzDate = this.now().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate, 'x-amz-content-sha256': sha256(body ?? '') };
    const authorization = signV4(this.s, method, path, headers);
    const { host: _host, ...sent } = headers;
    return fetch(`${url.origin}${path}`, {
      method, body: body ? new Uint8Array(body) : undefined, headers: { ...sent, authorization, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
    });
  }

  async put(bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const now = this.now();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const res = await this.request('PUT', key, bytes);
    if (!res.ok) throw new Error(`S3 PUT ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return { key, sha256: sha256(bytes) };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) return null;
    const res = await this.request('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async remove(key: string): Promise<void> {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) return;
    const res = await this.request('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${res.status}`);
  }
}

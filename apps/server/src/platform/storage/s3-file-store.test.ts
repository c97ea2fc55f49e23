import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { S3FileStore, signV4 } from './s3-file-store.ts';

// S3-compatible storage of uploaded files, against a small S3 stand-in on
// 127.0.0.1 that checks each request's SigV4 signature and payload hash and
// keeps objects in memory. The signer itself is checked on AWS's published
// example.

const creds = { region: 'cn-north-1', accessKeyId: 'KEFUTESTKEY', secretAccessKey: 'kefu-test-secret' };
const objects = new Map<string, Buffer>();
const refused: string[] = [];
let server: Server;
let endpoint = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const h = req.headers as Record<string, string>;
      const signed = { host: h.host, 'x-amz-date': h['x-amz-date'] ?? '', 'x-amz-content-sha256': h['x-amz-content-sha256'] ?? '' };
      const hashOk = signed['x-amz-content-sha256'] === createHash('sha256').update(body).digest('hex');
      if (!hashOk || h.authorization !== signV4(creds, req.method!, req.url!, signed)) {
        refused.push(`${req.method} ${req.url}`);
        res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const key = req.url!;
      if (req.method === 'PUT') {
        objects.set(key, body);
        res.writeHead(200).end();
      } else if (req.method === 'GET') {
        const o = objects.get(key);
        if (o) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(o);
        else res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

describe('S3-compatible file storage', () => {
  it("signs as AWS's own example says (GET Object, Signature Version 4)", () => {
    const auth = signV4({ region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, 'GET', '/test.txt', {
      host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'x-amz-date': '20130524T000000Z',
    });
    expect(auth).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('puts, gets and removes objects; a wrong secret is refused', async () => {
    const store = new S3FileStore({ endpoint, bucket: 'kefu-files', ...creds });
    const { key, sha256 } = await store.put(Buffer.from('鲜奶批次照片'));
    expect(key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(sha256).toBe(createHash('sha256').update('鲜奶批次照片').digest('hex'));
    expect([...objects.keys()]).toContain(`/kefu-files/${key}`);
    expect((await store.get(key))?.toString()).toBe('鲜奶批次照片');
    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull(); // never a key a client made up

    const wrong = new S3FileStore({ endpoint, bucket: 'kefu-files', ...creds, secretAccessKey: 'not-it' });
    await expect(wrong.put(Buffer.from('x'))).rejects.toThrow(/S3 PUT 403/);
    expect(refused).toHaveLength(1);
  });

  it('keeps the chat\'s uploads in the bucket when KEFU_S3_BUCKET is set', async () => {
    const t: TestApp = await createTestApp({
      KEFU_S3_BUCKET: 'kefu-chat', KEFU_S3_ENDPOINT: endpoint, KEFU_S3_REGION: creds.region,
      KEFU_S3_ACCESS_KEY_ID: creds.accessKeyId, KEFU_S3_SECRET_ACCESS_KEY: creds.secretAccessKey,
    }, { rules: false });
    try {
      const c = JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/public/chat/conversations', payload: { channel: 'website', name: '访客', message: '发张照片' } })).body);
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const up = await t.app.inject({ method: 'POST', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments?name=a.png`,
        headers: { authorization: `Bearer ${c.visitorToken}`, 'content-type': 'image/png' }, payload: png });
      expect(up.statusCode).toBe(201);
      const stored = [...objects.entries()].filter(([k]) => k.startsWith('/kefu-chat/'));
      expect(stored).toHaveLength(1);
      expect(Buffer.compare(stored[0][1], png)).toBe(0);
      const back = await t.app.inject({ method: 'GET', url: `/api/v1/public/chat/conversations/${c.conversationId}/attachments/${JSON.parse(up.body).id}`,
        headers: { authorization: `Bearer ${c.visitorToken}` } });
      expect(back.statusCode).toBe(200);
      expect(Buffer.compare(back.rawPayload, png)).toBe(0);
    } finally {
      await t.close();
    }
  });
});

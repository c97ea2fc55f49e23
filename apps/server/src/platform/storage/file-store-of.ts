import path from 'node:path';
import type { Config } from '../../config.ts';
import { LocalFileStore, type FileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

/** Local disk unless an S3-compatible bucket is configured (KEFU_S3_BUCKET with its keys). */
export function fileStoreOf(config: Config): FileStore {
  if (config.KEFU_S3_BUCKET) {
    if (!config.KEFU_S3_ACCESS_KEY_ID || !config.KEFU_S3_SECRET_ACCESS_KEY) throw new Error('KEFU_S3_BUCKET needs KEFU_S3_ACCESS_KEY_ID and KEFU_S3_SECRET_ACCESS_KEY');
    return new S3FileStore({
      endpoint: config.KEFU_S3_ENDPOINT, bucket: config.KEFU_S3_BUCKET, region: config.KEFU_S3_REGION,
      accessKeyId: config.KEFU_S3_ACCESS_KEY_ID, secretAccessKey: config.KEFU_S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalFileStore(config.KEFU_UPLOAD_DIR ?? path.join(config.KEFU_DATA_DIR, 'uploads'));
}

import { z } from 'zod';
import { ATTACHMENT_TYPES } from '@kefu/shared/conversations-api';
import { channelSettings } from './modules/notifications/channels/channel-settings.ts';

// All settings, validated once at boot. Nothing else reads process.env.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KEFU_DATA_DIR: z.string().default('./data'),
  /** where uploaded files (chat images and files) are kept; default: <KEFU_DATA_DIR>/uploads */
  KEFU_UPLOAD_DIR: z.string().optional(),
  /** with a bucket, uploaded files go to S3-compatible storage instead of KEFU_UPLOAD_DIR */
  KEFU_S3_BUCKET: z.string().optional(),
  KEFU_S3_ENDPOINT: z.string().url().default('https://s3.amazonaws.com'),
  KEFU_S3_REGION: z.string().default('us-east-1'),
  KEFU_S3_ACCESS_KEY_ID: z.string().optional(),
  KEFU_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** new chat conversations one address may start per 10 minutes (the widget's flood guard) */
  KEFU_CHAT_START_LIMIT: z.coerce.number().int().min(1).default(20),
  /** messages one conversation may send per minute */
  KEFU_CHAT_MESSAGE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** days a resolved conversation's messages and files are kept (0: forever); QA samples chat logs (QA-02), so keep them long enough */
  KEFU_CHAT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  /** the largest file a visitor or agent may send in a conversation, in MB */
  /** the chat widget's heartbeat: a ping this often; a connection silent for two is dropped, and the widget reconnects */
  KEFU_CHAT_PING_MS: z.coerce.number().int().min(1000).max(300_000).default(25_000),
  /** a TTF/OTF/TTC font with Chinese glyphs for PDF exports (default: Noto Sans CJK from fonts-noto-cjk) */
  KEFU_PDF_FONT: z.string().optional(),
  KEFU_UPLOAD_MAX_MB: z.coerce.number().min(1).max(100).default(10),
  /** the file types conversations accept, comma-separated: some of image/jpeg, image/png, image/gif, image/webp, application/pdf (default: all) */
  KEFU_UPLOAD_TYPES: z.string().default(ATTACHMENT_TYPES.join(','))
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.enum(ATTACHMENT_TYPES)).min(1)),
  KEFU_SEED: z.enum(['demo', 'none']).optional(),
  KEFU_TIMEZONE: z.string().default('Asia/Shanghai'),
  KEFU_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  KEFU_CONSOLE_DIR: z.string().optional(),
  KEFU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** failed sign-ins one address may make across all accounts in 15 minutes (known devices are not counted) */
  KEFU_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** several processes on one PostgreSQL: Redis carries pushes to users connected elsewhere, wake-ups, cache invalidations and sign-in throttling; without it all of that stays in this process */
  REDIS_URL: z.string().url().optional(),
  /** behind a reverse proxy: trust X-Forwarded-For (else a client could dodge the login rate limit) */
  KEFU_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  NODE_ENV: z.string().default('production'),
  /** check every published event against the catalogue (tests; costs a little on the hot path) */
  KEFU_CHECK_EVENTS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** how often each process looks for due jobs and timers when nothing woke it */
  KEFU_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /**
   * off: this process only answers HTTP — no outbox consumer, jobs or timers
   * (run them in other processes of the same PostgreSQL; PGlite needs on)
   */
  KEFU_BACKGROUND: z.enum(['on', 'off']).default('on'),
  /**
   * new work orders wait (up to 5 s) while the oldest unhandled event is older
   * than this, so notifications stay prompt under a flood; 0: no waiting
   */
  KEFU_INTAKE_MAX_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(300),
  /** job loops per process on PostgreSQL (PGlite has one connection: always 1) */
  KEFU_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(3),
  /** where customers reach this installation: survey links in SMS and e-mail start with it (default: this process's PORT on localhost) */
  KEFU_PUBLIC_URL: z.string().url().optional(),
  /** how agents name the company in callback scripts ({company}) and surveys */
  KEFU_COMPANY_NAME: z.string().trim().min(1).max(60).default('恒康乳业客服中心'),
}).extend(channelSettings.shape);

export type Config = Omit<z.infer<typeof schema>, 'KEFU_PUBLIC_URL'> & {
  KEFU_PUBLIC_URL: string;
  /** demo data is seeded on an empty embedded database unless told otherwise */
  seedDemo: boolean;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  const seedDemo = c.KEFU_SEED ? c.KEFU_SEED === 'demo' : !c.DATABASE_URL;
  // a server moved to another PORT must not hand out links to the default one
  const publicUrl = c.KEFU_PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return { ...c, KEFU_PUBLIC_URL: publicUrl, seedDemo };
}

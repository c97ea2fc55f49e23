import { z } from 'zod';
import type { ChannelLogger, NotificationChannel } from './channel.ts';
import { createEmailChannel, type EmailChannel } from './email-channel.ts';
import { createSmsChannel, LogSmsProvider, type SmsProvider } from './sms-channel.ts';

// Settings of the delivery channels, to be merged into the one config schema
// (config.ts). Defaults work locally: no SMTP host means e-mail is only logged,
// and SMS goes to the log provider until a real gateway is configured.

const blankToUndefined = (v: string | undefined) => (v ? v : undefined);

export const channelSettings = z.object({
  /** empty or unset: e-mail is written to the log instead of sent */
  KEFU_SMTP_HOST: z.string().trim().optional().transform(blankToUndefined),
  KEFU_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte; unset means true on port 465 and STARTTLS elsewhere */
  KEFU_SMTP_SECURE: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  KEFU_SMTP_USER: z.string().optional().transform(blankToUndefined),
  KEFU_SMTP_PASS: z.string().optional().transform(blankToUndefined),
  KEFU_SMTP_FROM: z.string().trim().min(3).default('Kefu 客服 <no-reply@localhost>'),
  /** wait for the connection and for the server's greeting; a dead server fails fast and is retried later */
  KEFU_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  KEFU_SMS_PROVIDER: z.enum(['log']).default('log'),
});

export type ChannelSettings = z.infer<typeof channelSettings>;

export interface Channels {
  email: EmailChannel;
  sms: NotificationChannel;
}

export function createChannels(settings: ChannelSettings, logger: ChannelLogger): Channels {
  const { KEFU_SMTP_HOST: host, KEFU_SMTP_PORT: port, KEFU_SMTP_USER: user, KEFU_SMTP_PASS: pass } = settings;
  if (Boolean(user) !== Boolean(pass)) {
    throw new Error('Invalid configuration: KEFU_SMTP_USER and KEFU_SMTP_PASS must be set together');
  }
  const email = createEmailChannel({
    from: settings.KEFU_SMTP_FROM,
    logger,
    smtp: host
      ? {
          host,
          port,
          secure: settings.KEFU_SMTP_SECURE ?? port === 465,
          auth: user && pass ? { user, pass } : undefined,
          timeoutMs: settings.KEFU_SMTP_TIMEOUT_MS,
        }
      : undefined,
  });
  return { email, sms: createSmsChannel(createSmsProvider(settings, logger), logger) };
}

function createSmsProvider(settings: ChannelSettings, logger: ChannelLogger): SmsProvider {
  switch (settings.KEFU_SMS_PROVIDER) {
    case 'log':
      return new LogSmsProvider(logger);
  }
}

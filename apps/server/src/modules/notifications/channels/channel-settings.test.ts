import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelLogger } from './channel.ts';
import { channelSettings, createChannels } from './channel-settings.ts';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';

// the app's pino logger must be usable as the channels' logger
const appLoggerFits: FastifyBaseLogger extends ChannelLogger ? true : false = true;

const silent: ChannelLogger = { info() {}, warn() {} };

let server: SmtpTestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('channel settings', () => {
  it('defaults to log-only e-mail and the log SMS provider', async () => {
    expect(appLoggerFits).toBe(true);
    const settings = channelSettings.parse({ KEFU_SMTP_HOST: '  ' });
    expect(settings).toMatchObject({ KEFU_SMTP_HOST: undefined, KEFU_SMTP_PORT: 587, KEFU_SMTP_TIMEOUT_MS: 5000, KEFU_SMS_PROVIDER: 'log' });
    const channels = createChannels(settings, silent);
    expect(channels.email.mode).toBe('log');
    expect(await channels.sms.send({ to: '13812345678', text: '您好', locale: 'zh-CN' })).toEqual({ ok: true, providerId: 'log-1' });
  });

  it('sends through the configured SMTP server, from the configured sender', async () => {
    server = await startSmtpTestServer({ auth: { user: 'kefu', pass: 'pw' } });
    const settings = channelSettings.parse({
      KEFU_SMTP_HOST: '127.0.0.1',
      KEFU_SMTP_PORT: String(server.port),
      KEFU_SMTP_USER: 'kefu',
      KEFU_SMTP_PASS: 'pw',
      KEFU_SMTP_FROM: '客服中心 <service@kefu.test>',
    });
    const { email } = createChannels(settings, silent);
    try {
      expect(email.mode).toBe('smtp');
      expect(await email.send({ to: 'a@example.com', subject: '测试', text: '测试', locale: 'zh-CN' })).toMatchObject({ ok: true });
    } finally {
      email.close();
    }
    expect(server.received[0].headers.from).toBe('客服中心 <service@kefu.test>');
    expect(server.received[0].user).toBe('kefu');
  });

  it('rejects bad values and a user without a password', () => {
    expect(channelSettings.safeParse({ KEFU_SMTP_PORT: 'abc' }).success).toBe(false);
    expect(channelSettings.safeParse({ KEFU_SMTP_SECURE: 'yes' }).success).toBe(false);
    expect(channelSettings.safeParse({ KEFU_SMS_PROVIDER: 'carrier-pigeon' }).success).toBe(false);
    const halfAuth = channelSettings.parse({ KEFU_SMTP_HOST: 'smtp.example.com', KEFU_SMTP_USER: 'kefu' });
    expect(() => createChannels(halfAuth, silent)).toThrow(/KEFU_SMTP_USER and KEFU_SMTP_PASS/);
  });
});

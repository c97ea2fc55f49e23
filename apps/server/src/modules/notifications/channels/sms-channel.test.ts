import { describe, expect, it } from 'vitest';
import type { DeliveryResult } from './channel.ts';
import { recordingLogger } from './recording-logger.ts';
import { createSmsChannel, LogSmsProvider, type Sms, type SmsProvider } from './sms-channel.ts';

function logChannel() {
  const { logger, entries } = recordingLogger();
  const provider = new LogSmsProvider(logger);
  return { provider, entries, channel: createSmsChannel(provider, logger) };
}

const text = '【客服中心】工单 GD20261123-0001 已超时，请立即处理。';

describe('SMS channel', () => {
  it('hands a mainland mobile number, normalized, to the log provider', async () => {
    const { channel, provider, entries } = logChannel();
    const first = await channel.send({ to: '+86 138 1234 5678', subject: 'ignored', text, locale: 'zh-CN' });
    const second = await channel.send({ to: '15900001111', text: 'Work order overdue', locale: 'en-US' });

    expect(channel.kind).toBe('sms');
    expect(first).toEqual({ ok: true, providerId: 'log-1' });
    expect(second).toEqual({ ok: true, providerId: 'log-2' });
    expect(provider.sent).toEqual([
      { to: '13812345678', text, locale: 'zh-CN', providerId: 'log-1' },
      { to: '15900001111', text: 'Work order overdue', locale: 'en-US', providerId: 'log-2' },
    ]);
    expect(entries[0]).toMatchObject({ level: 'info', obj: { channel: 'sms', provider: 'log', to: '13812345678', text } });
  });

  it.each([
    ['0755-12345678', /landline/],
    ['400-800-1234', /service/],
    ['12345678901', /not a phone number/],
    ['wangfang@example.com', /not a phone number/],
    ['', /not a phone number/],
  ])('refuses %j for good, without calling the provider', async (to, reason) => {
    const { channel, provider } = logChannel();
    const result = await channel.send({ to, text, locale: 'zh-CN' });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toMatch(reason);
    expect(provider.sent).toHaveLength(0);
  });

  it('passes a provider verdict through and treats a provider crash as retryable', async () => {
    const { logger, entries } = recordingLogger();
    const seen: Sms[] = [];
    const rejecting: SmsProvider = {
      name: 'aliyun',
      async send(sms): Promise<DeliveryResult> {
        seen.push(sms);
        return { ok: false, error: 'isv.MOBILE_NUMBER_ILLEGAL', retryable: false };
      },
    };
    expect(await createSmsChannel(rejecting, logger).send({ to: '13812345678', text, locale: 'zh-CN' })).toEqual({
      ok: false,
      error: 'isv.MOBILE_NUMBER_ILLEGAL',
      retryable: false,
    });
    expect(seen).toEqual([{ to: '13812345678', text, locale: 'zh-CN' }]);

    const crashing: SmsProvider = {
      name: 'tencent',
      send: async () => {
        throw new Error('socket hang up');
      },
    };
    const result = await createSmsChannel(crashing, logger).send({ to: '13812345678', text, locale: 'zh-CN' });
    expect(result).toEqual({ ok: false, error: 'tencent: socket hang up', retryable: true });
    expect(entries.at(-1)).toMatchObject({ level: 'warn', obj: { provider: 'tencent' } });
  });
});

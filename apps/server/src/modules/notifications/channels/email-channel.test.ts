import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTemplates } from '../templates/defaults.ts';
import { renderTemplate } from '../templates/render.ts';
import { createEmailChannel, type EmailChannel, type SmtpOptions } from './email-channel.ts';
import { recordingLogger } from './recording-logger.ts';
import { startSmtpTestServer } from './smtp-test-server.ts';

const FROM = 'Kefu 客服 <no-reply@kefu.test>';
const smtpAt = (port: number, extra: Partial<SmtpOptions> = {}): SmtpOptions => ({
  host: '127.0.0.1',
  port,
  secure: false,
  timeoutMs: 2_000,
  ...extra,
});

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function serverAndChannel(options: Parameters<typeof startSmtpTestServer>[0] = {}, smtp: Partial<SmtpOptions> = {}) {
  const server = await startSmtpTestServer(options);
  cleanup.push(() => server.stop());
  const { logger, entries } = recordingLogger();
  const channel = createEmailChannel({ smtp: smtpAt(server.port, smtp), from: FROM, logger });
  cleanup.push(() => channel.close());
  return { server, channel, entries };
}

describe('e-mail channel over SMTP', () => {
  it('delivers a Chinese notification with its subject, plain text and HTML intact', async () => {
    const { server, channel } = await serverAndChannel();
    const rendered = renderTemplate(
      defaultTemplates['ticket.assigned'],
      {
        recipient: { name: '王芳' },
        ticket: { number: 'GD20261123-0001', subject: '牛奶有异味 <急>', typeLabel: '投诉' },
        customer: { name: '李先生' },
        link: 'https://kefu.example.com/tickets/1',
      },
      'zh-CN',
    );

    const result = await channel.send({ to: 'wangfang@example.com', subject: rendered.title, text: rendered.text, html: rendered.html, locale: 'zh-CN' });

    expect(channel.mode).toBe('smtp');
    expect(result.ok).toBe(true);
    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    expect(mail.envelope.to).toEqual(['wangfang@example.com']);
    expect(mail.envelope.from).toBe('no-reply@kefu.test');
    expect(mail.headers.to).toBe('wangfang@example.com');
    expect(mail.headers.from).toBe('Kefu 客服 <no-reply@kefu.test>');
    expect(mail.headers.subject).toBe('工单 GD20261123-0001 已分派给您：牛奶有异味 <急>');
    expect(mail.headers['content-language']).toBe('zh-CN');
    expect(result.ok && result.providerId).toBe(mail.headers['message-id']);
    expect(mail.text).toContain('王芳，您好：');
    expect(mail.text).toContain('投诉工单 GD20261123-0001 已分派给您处理。');
    expect(mail.text).toContain('主题：牛奶有异味 <急>');
    expect(mail.html).toContain('主题：牛奶有异味 &lt;急&gt;<br>');
    expect(mail.html).toContain('<a href="https://kefu.example.com/tickets/1">');
  });

  it('sends plain text only when there is no HTML, in English', async () => {
    const { server, channel } = await serverAndChannel();
    const result = await channel.send({ to: 'lead@example.com', subject: 'Work order overdue', text: 'Please act now.', locale: 'en-US' });
    expect(result.ok).toBe(true);
    expect(server.received[0].headers.subject).toBe('Work order overdue');
    expect(server.received[0].headers['content-language']).toBe('en-US');
    expect(server.received[0].text?.trim()).toBe('Please act now.');
    expect(server.received[0].html).toBeUndefined();
  });

  it('signs in when credentials are configured, and treats rejected credentials as permanent', async () => {
    const auth = { user: 'kefu', pass: 's3cret' };
    const good = await serverAndChannel({ auth }, { auth });
    expect((await good.channel.send({ to: 'a@example.com', subject: 'x', text: 'x', locale: 'zh-CN' })).ok).toBe(true);
    expect(good.server.received[0].user).toBe('kefu');

    const { logger } = recordingLogger();
    const wrong = createEmailChannel({ smtp: smtpAt(good.server.port, { auth: { user: 'kefu', pass: 'wrong' } }), from: FROM, logger });
    cleanup.push(() => wrong.close());
    const result = await wrong.send({ to: 'a@example.com', subject: 'x', text: 'x', locale: 'zh-CN' });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toContain('535');
    expect(good.server.received).toHaveLength(1);
  });

  it('reports a 550 unknown mailbox as a permanent failure and a 450 as retryable', async () => {
    const { server, channel, entries } = await serverAndChannel({
      rejectRecipient: (address) => (address.startsWith('nobody@') ? 550 : address.startsWith('busy@') ? 450 : undefined),
    });

    const unknown = await channel.send({ to: 'nobody@example.com', subject: '测试', text: '测试', locale: 'zh-CN' });
    expect(unknown).toMatchObject({ ok: false, retryable: false });
    expect(!unknown.ok && unknown.error).toMatch(/550 Unknown mailbox/);

    const busy = await channel.send({ to: 'busy@example.com', subject: '测试', text: '测试', locale: 'zh-CN' });
    expect(busy).toMatchObject({ ok: false, retryable: true });
    expect(!busy.ok && busy.error).toMatch(/450/);

    expect(server.received).toHaveLength(0);
    expect(entries.filter((e) => e.level === 'warn')).toHaveLength(2);
  });

  it('refuses an address that is not an e-mail address without retrying', async () => {
    const { server, channel } = await serverAndChannel();
    const result = await channel.send({ to: 'not an address', subject: 'x', text: 'x', locale: 'zh-CN' });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('fails fast and retryable when the SMTP server is down', async () => {
    const server = await startSmtpTestServer();
    await server.stop();
    const { logger } = recordingLogger();
    const channel = createEmailChannel({ smtp: smtpAt(server.port), from: FROM, logger });
    cleanup.push(() => channel.close());

    const started = performance.now();
    const result = await channel.send({ to: 'a@example.com', subject: 'x', text: 'x', locale: 'zh-CN' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a server that never greets after the configured timeout, retryable', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      silent.close(resolve);
    }));
    const { logger } = recordingLogger();
    const port = (silent.address() as net.AddressInfo).port;
    const channel = createEmailChannel({ smtp: smtpAt(port, { timeoutMs: 300 }), from: FROM, logger });
    cleanup.push(() => channel.close());

    const started = performance.now();
    const result = await channel.send({ to: 'a@example.com', subject: 'x', text: 'x', locale: 'zh-CN' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toMatch(/ETIMEDOUT/);
  });
});

describe('e-mail channel without an SMTP host', () => {
  it('writes the message to the log and reports it delivered by "log"', async () => {
    const { logger, entries } = recordingLogger();
    const channel: EmailChannel = createEmailChannel({ from: FROM, logger });
    const result = await channel.send({ to: 'wangfang@example.com', subject: '工单已超时', text: '请立即处理', locale: 'zh-CN' });
    expect(channel.mode).toBe('log');
    expect(result).toEqual({ ok: true, providerId: 'log' });
    expect(entries).toHaveLength(1);
    expect(entries[0].obj).toMatchObject({ channel: 'email', to: 'wangfang@example.com', subject: '工单已超时', text: '请立即处理', locale: 'zh-CN' });
  });
});

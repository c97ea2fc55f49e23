import nodemailer, { type NodemailerError } from 'nodemailer';
import type { ChannelLogger, DeliveryResult, NotificationChannel, OutgoingMessage } from './channel.ts';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** how long to wait for the TCP connection and for the server's greeting */
  timeoutMs: number;
}

export interface EmailChannelOptions {
  /** without SMTP settings the channel only writes messages to the log */
  smtp?: SmtpOptions;
  from: string;
  logger: ChannelLogger;
}

export interface EmailChannel extends NotificationChannel {
  kind: 'email';
  readonly mode: 'smtp' | 'log';
  close(): void;
}

export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const { smtp, from, logger } = options;
  if (!smtp) {
    return {
      kind: 'email',
      mode: 'log',
      async send(message) {
        logger.info({ channel: 'email', from, ...message }, 'E-mail not sent (no SMTP host configured); logged instead');
        return { ok: true, providerId: 'log' };
      },
      close() {},
    };
  }

  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth,
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    // a server that stalls mid-message must not hold the delivery job for the default 10 minutes
    socketTimeout: smtp.timeoutMs * 6,
  });

  return {
    kind: 'email',
    mode: 'smtp',
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          html: message.html,
          headers: { 'Content-Language': message.locale },
        });
        return { ok: true, providerId: info.messageId };
      } catch (err) {
        const failure = classifySmtpError(err as NodemailerError);
        logger.warn({ channel: 'email', host: smtp.host, ...failure }, 'E-mail delivery failed');
        return { ok: false, ...failure };
      }
    },
    close() {
      transport.close();
    },
  };
}

// Failures that come from the connection, not from the message: the same message
// may go through once the server is reachable again.
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROXY']);

/**
 * SMTP replies decide by their class (RFC 5321): 4xx is transient, 5xx permanent
 * (550 unknown mailbox will be refused again), except 503 which only says the
 * session was out of step. Without a reply, connection failures are retryable and
 * local problems (bad address, bad configuration) are not.
 */
export function classifySmtpError(err: NodemailerError): { error: string; retryable: boolean } {
  const code = err.code ?? 'EUNKNOWN';
  if (typeof err.responseCode === 'number') {
    const permanent = err.permanent ?? (err.responseCode >= 500 && err.responseCode !== 503);
    const reply = err.response ?? `${err.responseCode} ${err.message}`;
    return { error: `${code}: ${reply}`, retryable: !permanent };
  }
  return { error: `${code}: ${err.message}`, retryable: TRANSIENT_CODES.has(code) };
}

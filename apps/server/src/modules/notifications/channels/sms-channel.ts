import { parsePhone } from '@kefu/shared/phone';
import type { Locale } from '../../../platform/errors.ts';
import type { ChannelLogger, DeliveryResult, NotificationChannel, OutgoingMessage } from './channel.ts';

export interface Sms {
  /** normalized mainland mobile number, 11 digits */
  to: string;
  text: string;
  locale: Locale;
}

/**
 * One SMS gateway (Aliyun, Tencent Cloud, ...). An adapter maps the gateway's
 * answer to a DeliveryResult: throttling and outages are retryable, a rejected
 * template or a blacklisted number is not. Throwing counts as a retryable failure.
 */
export interface SmsProvider {
  readonly name: string;
  send(sms: Sms): Promise<DeliveryResult>;
}

export interface LoggedSms extends Sms {
  providerId: string;
}

/** The default provider: nothing leaves the server; messages go to the log and stay in memory for tests. */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  readonly sent: LoggedSms[] = [];

  constructor(private readonly logger: ChannelLogger) {}

  async send(sms: Sms): Promise<DeliveryResult> {
    const providerId = `log-${this.sent.length + 1}`;
    this.sent.push({ ...sms, providerId });
    this.logger.info({ channel: 'sms', provider: this.name, providerId, ...sms }, 'SMS not sent (log provider); logged instead');
    return { ok: true, providerId };
  }
}

export function createSmsChannel(provider: SmsProvider, logger: ChannelLogger): NotificationChannel {
  return {
    kind: 'sms',
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      const phone = parsePhone(message.to);
      if (phone?.kind !== 'mobile') {
        const what = phone ? `a ${phone.kind} number` : 'not a phone number';
        return { ok: false, error: `SMS needs a mainland mobile number (1[3-9] and 11 digits); the recipient is ${what}`, retryable: false };
      }
      try {
        return await provider.send({ to: phone.normalized, text: message.text, locale: message.locale });
      } catch (err) {
        const error = `${provider.name}: ${err instanceof Error ? err.message : String(err)}`;
        logger.warn({ channel: 'sms', provider: provider.name, error }, 'SMS provider failed');
        return { ok: false, error, retryable: true };
      }
    },
  };
}

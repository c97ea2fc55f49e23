import type { Locale } from '../../../platform/errors.ts';

// A delivery channel takes one rendered message to one recipient. Channels never
// throw for delivery problems: they report them, and say whether the same
// message may succeed later, so the notification job knows to retry or give up.

export interface OutgoingMessage {
  /** e-mail address or mobile number, depending on the channel */
  to: string;
  /** e-mail subject; SMS ignores it */
  subject?: string;
  text: string;
  html?: string;
  locale: Locale;
}

export type DeliveryResult =
  | { ok: true; providerId?: string }
  | { ok: false; error: string; retryable: boolean };

export interface NotificationChannel {
  kind: 'email' | 'sms';
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** The part of the app's logger (pino) the channels use. */
export interface ChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

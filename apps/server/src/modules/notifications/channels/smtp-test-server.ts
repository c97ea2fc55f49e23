import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

// A real SMTP server for tests, on 127.0.0.1 and a free port, plus just enough
// MIME decoding (RFC 2047 headers, base64 / quoted-printable parts) to read what
// arrived. Test support only.

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  user?: string;
  headers: Record<string, string>;
  text?: string;
  html?: string;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

export interface SmtpTestServerOptions {
  /** SMTP reply code to refuse a recipient with (e.g. 550, 450), or undefined to accept */
  rejectRecipient?: (address: string) => number | undefined;
  /** require these credentials */
  auth?: { user: string; pass: string };
}

export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        return callback(null, { user: auth.username });
      }
      callback(smtpError('Authentication failed', 535));
    },
    onRcptTo(address, _session, callback) {
      const code = options.rejectRecipient?.(address.address);
      if (code) return callback(smtpError(code >= 500 ? 'Unknown mailbox' : 'Mailbox busy, try later', code));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          envelope: {
            from: mailFrom ? mailFrom.address : '',
            to: session.envelope.rcptTo.map((a: SMTPServerAddress) => a.address),
          },
          user: typeof session.user === 'string' ? session.user : undefined,
          ...parseMail(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP test server has no port');
  return {
    port: address.port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers (lower-case names, decoded) and the text/html parts of a raw message kept as latin1 bytes. */
export function parseMail(raw: string): { headers: Record<string, string>; text?: string; html?: string } {
  const { headers, body } = splitEntity(raw);
  const out: { headers: Record<string, string>; text?: string; html?: string } = { headers };
  collectParts(headers, body, out);
  return out;
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeMimeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function collectParts(headers: Record<string, string>, body: string, out: { text?: string; html?: string }): void {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const entity = splitEntity(part.replace(/^\r\n/, ''));
      collectParts(entity.headers, entity.body, out);
    }
    return;
  }
  const decoded = decodeTransfer(body, headers['content-transfer-encoding'] ?? '7bit').toString('utf8');
  if (type.toLowerCase().startsWith('text/html')) out.html = decoded;
  else if (type.toLowerCase().startsWith('text/plain')) out.text = decoded;
}

function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
    default:
      return Buffer.from(body, 'latin1');
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/**
 * RFC 2047: `=?UTF-8?B?...?=` and `=?UTF-8?Q?...?=` words. Whitespace between
 * adjacent encoded words is dropped, and their bytes are joined before decoding
 * because a character may be split across two words.
 */
export function decodeMimeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(ENCODED_WORD)].map(([, , encoding, data]) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

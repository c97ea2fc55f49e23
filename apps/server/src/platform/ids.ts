import { randomBytes } from 'node:crypto';

// Time-ordered UUIDs (version 7, RFC 9562) that also keep their order within
// one millisecond (a 12-bit counter in rand_a, method 1 of section 6.2).
// Timeline entries written together in one batch share their time; ordered by
// (at, id) they still read in the order they happened.

let lastMs = 0;
let counter = 0;

export function orderedUuid(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // more than 4,096 in one millisecond: borrow the next one
    lastMs++;
    counter = 0;
  }
  const b = randomBytes(16);
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | ((counter >>> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

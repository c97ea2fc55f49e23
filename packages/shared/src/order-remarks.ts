// The order remark's format and its classic serious errors (ORD-05, ORD-07):
// `name, size (width*height, metres by default), customised or not, ship date,
// delivery arrangement, special remarks`. The console checks as the agent
// types and the server checks again before saving; a remark with an issue is
// saved only when the agent confirms it.

export interface Size { w: number; h: number }
export interface ParsedRemark { name: string | null; size: Size | null; shipDate: string | null }
export type RemarkIssue =
  | { code: 'SIZE_SWAPPED'; remark: string; order: string }
  | { code: 'SIZE_MISMATCH'; remark: string; order: string }
  | { code: 'SHIP_DATE_PAST'; date: string }
  | { code: 'SHIP_DATE_FAR'; date: string; days: number }
  | { code: 'SHIP_DATE_MISMATCH'; date: string; agreed: string };

const NUM = String.raw`(\d+(?:\.\d+)?)\s*(m|米|cm|厘米)?`;
const SIZE_RE = new RegExp(String.raw`${NUM}\s*[*×xX✕]\s*${NUM}`);

/** A size such as 1.24*2, 1.24m×2m or 124×200cm, in metres. */
export function parseSize(text: string): Size | null {
  const m = SIZE_RE.exec(text);
  if (!m) return null;
  const metres = (v: string, unit: string | undefined) => (unit === 'cm' || unit === '厘米' ? Number(v) / 100 : Number(v));
  // a unit written only after the second number counts for both (124×200cm)
  const unit2 = m[4];
  return { w: metres(m[1], m[2] ?? unit2), h: metres(m[3], unit2 ?? m[2]) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A ship date written as 2026-12-01, 12月1日, 12.1 or 12/1, as YYYY-MM-DD. A
 * date without a year is the next such day on or after `today` less 31 days
 * (so a date a little in the past stays in the past, to be caught).
 */
export function parseShipDate(text: string, today: string): string | null {
  const full = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (full) return `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`;
  const short = /(?:^|[^\d.])(\d{1,2})(?:月|[./])(\d{1,2})(?:日|号)?(?:发货|发)?/.exec(text);
  if (!short) return null;
  const [m, d] = [Number(short[1]), Number(short[2])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${pad(m)}-${pad(d)}`;
  const floor = new Date(Date.parse(`${today}T00:00:00Z`) - 31 * 86_400_000).toISOString().slice(0, 10);
  return thisYear >= floor ? thisYear : `${year + 1}-${pad(m)}-${pad(d)}`;
}

/** The remark's parts by the shop's format: the name first, then a size and a ship date wherever they stand. */
export function parseRemark(text: string, today: string): ParsedRemark {
  const parts = text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean);
  const sizePart = parts.find((p) => parseSize(p));
  const datePart = parts.find((p) => p !== sizePart && parseShipDate(p, today));
  const name = parts[0] && parts[0] !== sizePart && parts[0] !== datePart ? parts[0] : null;
  return { name, size: sizePart ? parseSize(sizePart) : null, shipDate: datePart ? parseShipDate(datePart, today) : null };
}

const fmt = (s: Size) => `${s.w}×${s.h}m`;
const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/**
 * The serious errors of ORD-05: a size that differs from the order's (or is
 * the order's with width and height swapped), a ship date already past,
 * implausibly far, or not the date agreed on the order.
 */
export function checkRemark(text: string, ctx: { today: string; orderSizes: Size[]; shipBy: string | null; maxShipDays: number; tolerance?: number }): RemarkIssue[] {
  const r = parseRemark(text, ctx.today);
  const out: RemarkIssue[] = [];
  const tol = ctx.tolerance ?? 0.02;
  if (r.size && ctx.orderSizes.length) {
    const same = ctx.orderSizes.some((s) => near(s.w, r.size!.w, tol) && near(s.h, r.size!.h, tol));
    if (!same) {
      const swapped = ctx.orderSizes.find((s) => near(s.w, r.size!.h, tol) && near(s.h, r.size!.w, tol));
      out.push(swapped ? { code: 'SIZE_SWAPPED', remark: fmt(r.size), order: fmt(swapped) } : { code: 'SIZE_MISMATCH', remark: fmt(r.size), order: ctx.orderSizes.map(fmt).join(', ') });
    }
  }
  if (r.shipDate) {
    const days = Math.round((Date.parse(`${r.shipDate}T00:00:00Z`) - Date.parse(`${ctx.today}T00:00:00Z`)) / 86_400_000);
    if (days < 0) out.push({ code: 'SHIP_DATE_PAST', date: r.shipDate });
    else if (days > ctx.maxShipDays) out.push({ code: 'SHIP_DATE_FAR', date: r.shipDate, days });
    if (ctx.shipBy && r.shipDate !== ctx.shipBy && days >= 0) out.push({ code: 'SHIP_DATE_MISMATCH', date: r.shipDate, agreed: ctx.shipBy });
  }
  return out;
}

/** The red-flag remark templates (红旗备注, ORD-09, AUD-07): what changed, then the date and the agent's name. */
export const RED_FLAG_KINDS = ['attributes', 'address', 'special'] as const;
export type RedFlagKind = (typeof RED_FLAG_KINDS)[number];

export function redFlagRemark(kind: RedFlagKind, detail: string, day: string, agent: string): string {
  const stamp = `---${day.replaceAll('-', '.')} ${agent}`;
  switch (kind) {
    case 'attributes': return `客户拍下,要求修改成${detail},已修改妥当${stamp}`;
    case 'address': return `客户要求修改地址,新地址为:${detail}${stamp}`;
    case 'special': return `客户要求${detail}${stamp}`;
  }
}

// Generates customers, work orders and their 'created' events in creation
// order, a batch at a time, as column arrays ready for bulk insertion.
//
// Search vectors are exactly what the app builds (ticketSearchWords /
// customerSearchVector): jieba splits text at the ' \n ' separators the app
// joins parts with, so the words of a work order are the union of the words of
// each part, and each distinct part is segmented once and cached.

import { randomUUID } from 'node:crypto';
import { allFields, type FieldDef, type FormDefinition } from '@kefu/shared/forms';
import { grams, toVectorLiteral, words } from '../apps/server/src/platform/search/tokenize.ts';
import { dayKey } from '../apps/server/src/modules/tickets/ticket-number.ts';
import type { Org, OrgUser } from './org.ts';
import { Rng } from './random.ts';
import { RESOLUTIONS, CUSTOMER_CLASSES } from './vocabulary.ts';
import { address, loadedPhone, personName, ticketFields, TYPE_MIX, type TicketType } from './ticket-content.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CHINA = 8 * HOUR;
export const TIME_ZONE = 'Asia/Shanghai';

export interface CustomerCols {
  id: string[]; name: string[]; phone: string[]; phone_reversed: string[]; address: string[];
  customer_class: (string | null)[]; search_vector: string[]; created_by_id: string[]; created_at: string[]; updated_at: string[];
}
export interface TicketCols {
  id: string[]; number: string[]; type: string[]; status: string[]; priority: string[]; channel: string[]; subject: string[];
  customer_id: string[]; fields: string[]; form_version: number[]; assignee_id: (string | null)[]; team_id: (string | null)[];
  department_id: (string | null)[]; created_by_id: string[]; resolution: (string | null)[]; search_vector: string[];
  created_at: string[]; updated_at: string[];
}
export interface EventCols {
  id: string[]; ticket_id: string[]; actor_id: string[]; action: string[]; changes: string[]; at: string[];
}
export interface Batch { customers: CustomerCols; tickets: TicketCols; events: EventCols }

// ---------- search text, as the app builds it ----------

function quote(lexeme: string): string {
  return toVectorLiteral([lexeme]);
}

const fieldMaps = new WeakMap<FormDefinition, Map<string, FieldDef>>();
function fieldMap(def: FormDefinition): Map<string, FieldDef> {
  let m = fieldMaps.get(def);
  if (!m) fieldMaps.set(def, (m = new Map(allFields(def).map((f) => [f.key, f]))));
  return m;
}

/** Display value of a field, as the tickets module shows it in subjects and search. */
function display(def: FormDefinition, key: string, v: unknown): string | null {
  const f = fieldMap(def).get(key);
  if (!f || v === undefined || v === null || v === '' || typeof v === 'boolean') return null;
  const label = (val: unknown) => f.options?.find((o) => o.value === val)?.label.zh ?? String(val);
  if (f.type === 'select') return label(v);
  if (f.type === 'multiselect' && Array.isArray(v)) return v.map(label).join('、');
  return String(v);
}

/** deriveSubject of the tickets module, with the field lookup cached (check-sample.ts compares both). */
export function subjectOf(def: FormDefinition, fields: Record<string, unknown>): string {
  const keys = def.subjectFields ?? allFields(def).slice(0, 3).map((f) => f.key);
  const parts = keys.map((k) => display(def, k, fields[k])).filter((x): x is string => !!x);
  const text = parts.join(' · ') || def.name.zh;
  return [...text].length > 80 ? `${[...text].slice(0, 79).join('')}…` : text;
}

const partCache = new Map<string, string>();
/** The quoted lexemes of one part of a work order's text; tsvector input drops repeats. */
function partLexemes(text: string): string {
  let s = partCache.get(text);
  if (s === undefined) {
    s = toVectorLiteral(words(text));
    if (partCache.size < 2_000_000) partCache.set(text, s);
  }
  return s;
}

export function ticketVector(number: string, subject: string, customerName: string, def: FormDefinition, fields: Record<string, unknown>): string {
  const parts = [quote(number.toLowerCase()), partLexemes(subject), partLexemes(customerName)];
  for (const [k, v] of Object.entries(fields)) {
    const d = display(def, k, v);
    if (d) parts.push(partLexemes(d));
  }
  return parts.filter(Boolean).join(' ');
}

export function customerVector(name: string, addr: string | null): string {
  return toVectorLiteral([...grams(name), ...grams(addr ?? '')]);
}

// ---------- who handles what ----------

interface Handling { assignee: OrgUser; creator: OrgUser }

function handling(org: Org, rng: Rng, type: TicketType, fields: Record<string, unknown>): Handling {
  const u = org.users;
  const creator = rng.weighted([[u.operator, 4], [u.operator2, 4], [u.lead, 2]] as const);
  const hotline = () => (rng.chance(0.85) ? creator : rng.pick([u.operator, u.operator2, u.lead]));
  let assignee: OrgUser;
  switch (type) {
    case 'order':
      assignee = rng.chance(0.3) ? hotline() : fields.deliveryChannel === 'home' ? u.station_clerk : u.sales_clerk;
      break;
    case 'inquiry':
      assignee = rng.chance(0.95) ? hotline() : u.marketing;
      break;
    case 'repair':
      assignee = rng.chance(0.5) ? hotline() : u.station_clerk;
      break;
    case 'complaint':
      if (fields.injury === true) assignee = u.gm_office;
      else if (rng.chance(0.4)) assignee = hotline();
      else if (fields.category === 'product_quality') assignee = rng.chance(0.9) ? u.qc_manager : u.cs_manager;
      else assignee = rng.chance(0.6) ? u.marketing : u.cs_manager;
      break;
  }
  return { assignee, creator };
}

function statusFor(rng: Rng, ageMs: number): string {
  if (ageMs < 14 * DAY) {
    return rng.weighted([['new', 15], ['open', 20], ['pending', 15], ['resolved', 35], ['closed', 15]] as const);
  }
  return rng.weighted([['new', 1], ['open', 4], ['pending', 5], ['resolved', 30], ['closed', 60]] as const);
}

// ---------- the stream ----------

export interface GeneratorOptions { size: number; org: Org; now: number; seed?: number; days?: number }

/** Work orders over the `days` whole China-time days before today (today stays free for the app's numbering). */
export class DataGenerator {
  readonly size: number;
  readonly customerCount: number;
  private rng: Rng;
  private org: Org;
  private now: number;
  private days: number;
  private firstDayStart: number;
  private perDay: number[];
  private day = -1;
  private dayTimes: number[] = [];
  private dayKeyStr = '';
  private inDay = 0;
  private produced = 0;
  private customerIds: string[] = [];
  private customerNames: string[] = [];
  /** phones of the customers generated, for lookups */
  readonly phones: string[] = [];

  constructor(opts: GeneratorOptions) {
    this.size = opts.size;
    this.org = opts.org;
    this.now = opts.now;
    this.days = opts.days ?? 365;
    this.rng = new Rng(opts.seed ?? 20260101);
    this.customerCount = Math.ceil(this.size / 5);
    const todayStart = Math.floor((this.now + CHINA) / DAY) * DAY - CHINA;
    this.firstDayStart = todayStart - this.days * DAY;
    // weekends are quieter; counts add up to size exactly
    const weights = Array.from({ length: this.days }, (_, d) => {
      const dow = new Date(this.firstDayStart + d * DAY + CHINA).getUTCDay();
      return dow === 0 || dow === 6 ? 0.7 : 1;
    });
    const total = weights.reduce((a, b) => a + b, 0);
    this.perDay = [];
    let acc = 0;
    let given = 0;
    for (const w of weights) {
      acc += w;
      const upto = Math.round((acc / total) * this.size);
      this.perDay.push(upto - given);
      given = upto;
    }
  }

  get done(): boolean {
    return this.produced >= this.size;
  }

  /** Highest ticket number suffix per China-time day key, for the app's sequences. */
  lastNumberOfDay(): { key: string; count: number }[] {
    return this.perDay.map((count, d) => ({ key: dayKey(new Date(this.firstDayStart + d * DAY + 12 * HOUR), TIME_ZONE), count }));
  }

  private nextTime(): number {
    while (this.inDay >= this.dayTimes.length) {
      this.day++;
      const n = this.perDay[this.day];
      const start = this.firstDayStart + this.day * DAY;
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        // hotline hours 07:30-21:00 with a few calls at night
        const offset = this.rng.chance(0.03) ? this.rng.next() * DAY : 7.5 * HOUR + this.rng.next() * 13.5 * HOUR;
        times.push(start + Math.floor(offset));
      }
      times.sort((a, b) => a - b);
      this.dayTimes = times;
      this.inDay = 0;
      this.dayKeyStr = dayKey(new Date(start + 12 * HOUR), TIME_ZONE);
    }
    return this.dayTimes[this.inDay++];
  }

  nextBatch(max: number): Batch {
    const c: CustomerCols = { id: [], name: [], phone: [], phone_reversed: [], address: [], customer_class: [], search_vector: [], created_by_id: [], created_at: [], updated_at: [] };
    const t: TicketCols = { id: [], number: [], type: [], status: [], priority: [], channel: [], subject: [], customer_id: [], fields: [], form_version: [], assignee_id: [], team_id: [], department_id: [], created_by_id: [], resolution: [], search_vector: [], created_at: [], updated_at: [] };
    const e: EventCols = { id: [], ticket_id: [], actor_id: [], action: [], changes: [], at: [] };
    const rng = this.rng;
    const count = Math.min(max, this.size - this.produced);
    for (let k = 0; k < count; k++) {
      const j = this.produced++;
      const at = this.nextTime();
      const seq = this.inDay;
      const number = `GD${this.dayKeyStr}-${String(seq).padStart(4, '0')}`;
      const type = rng.weighted(TYPE_MIX);
      const fields = ticketFields(type, rng, at);
      const { assignee, creator } = handling(this.org, rng, type, fields);
      const atIso = new Date(at).toISOString();

      // every fifth work order comes from a new caller; the others from earlier ones
      let customerIdx: number;
      if (j % 5 === 0) {
        customerIdx = this.customerIds.length;
        const id = randomUUID();
        const name = rng.chance(0.03) ? `${personName(rng).slice(0, 1)}${rng.pick(['记便利店', '家超市', '氏奶站'])}` : personName(rng);
        const addr = address(rng);
        const phone = loadedPhone(customerIdx, rng);
        this.customerIds.push(id);
        this.customerNames.push(name);
        this.phones.push(phone);
        c.id.push(id); c.name.push(name); c.phone.push(phone); c.phone_reversed.push([...phone].reverse().join(''));
        c.address.push(addr); c.customer_class.push(rng.chance(0.3) ? rng.pick(CUSTOMER_CLASSES) : null);
        c.search_vector.push(customerVector(name, addr)); c.created_by_id.push(creator.id);
        c.created_at.push(atIso); c.updated_at.push(atIso);
      } else {
        customerIdx = Math.floor(rng.next() * this.customerIds.length);
      }

      const def = this.org.forms[type].definition;
      const subject = subjectOf(def, fields);
      const status = statusFor(rng, this.now - at);
      let updated = at;
      if (status === 'open' || status === 'pending') updated = at + rng.int(10 * 60_000, 48 * HOUR);
      else if (status === 'resolved' || status === 'closed') updated = at + rng.int(30 * 60_000, 7 * DAY);
      updated = Math.min(updated, this.now - 60_000);
      const injury = fields.injury === true;
      const priority = injury ? 'urgent'
        : type === 'complaint' && fields.category === 'product_quality' ? rng.weighted([['high', 4], ['normal', 6]] as const)
        : rng.weighted([['normal', 90], ['low', 5], ['high', 5]] as const);
      const channel = rng.weighted([['phone', 85], ['web', 5], ['chat', 4], ['email', 3], ['walk_in', 2], ['letter', 1]] as const);
      const id = randomUUID();
      const teamId = assignee.teamId;

      t.id.push(id); t.number.push(number); t.type.push(type); t.status.push(status); t.priority.push(priority); t.channel.push(channel);
      t.subject.push(subject); t.customer_id.push(this.customerIds[customerIdx]); t.fields.push(JSON.stringify(fields));
      t.form_version.push(this.org.forms[type].version); t.assignee_id.push(assignee.id); t.team_id.push(teamId);
      t.department_id.push(assignee.departmentId); t.created_by_id.push(creator.id);
      t.resolution.push(status === 'resolved' || status === 'closed' ? rng.pick(RESOLUTIONS[type]) : null);
      t.search_vector.push(ticketVector(number, subject, this.customerNames[customerIdx], def, fields));
      t.created_at.push(atIso); t.updated_at.push(new Date(updated).toISOString());

      const changes = [
        { field: 'status', from: null, to: 'new' },
        { field: 'assigneeId', from: null, to: assignee.id },
        ...(teamId ? [{ field: 'teamId', from: null, to: teamId }] : []),
        ...Object.entries(fields).map(([field, to]) => ({ field: `fields.${field}`, from: null, to })),
      ];
      e.id.push(randomUUID()); e.ticket_id.push(id); e.actor_id.push(creator.id); e.action.push('created');
      e.changes.push(JSON.stringify(changes)); e.at.push(atIso);
    }
    return { customers: c, tickets: t, events: e };
  }
}

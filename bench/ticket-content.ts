// Field values of the four dairy-hotline forms (order, complaint, inquiry,
// repair), valid against apps/server/src/modules/forms/templates/dairy-hotline.ts.
// Shared by the bulk loader and the HTTP creation load.

import type { Rng } from './random.ts';
import * as V from './vocabulary.ts';

export type TicketType = 'order' | 'complaint' | 'inquiry' | 'repair';

export const TYPE_MIX: [TicketType, number][] = [['order', 35], ['inquiry', 30], ['complaint', 25], ['repair', 10]];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a date in China time. */
export function chinaDate(t: number): string {
  const d = new Date(t + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const DAY = 86_400_000;

function fill(template: string, rng: Rng): string {
  return template.replace('{p}', rng.pickSkewed(V.PRODUCTS)).replace('{d}', String(rng.int(2, 6)));
}

export function personName(rng: Rng): string {
  const surname = rng.pickSkewed(V.SURNAMES);
  const given = rng.chance(0.7) ? rng.pick(V.GIVEN_CHARS) + rng.pick(V.GIVEN_CHARS) : rng.pick(V.GIVEN_CHARS);
  return surname + given;
}

export function address(rng: Rng): string {
  const c = rng.weighted(V.CITIES.map((x, i) => [x, i === 0 ? 6 : 1] as const));
  const district = rng.pick(c.districts);
  if (rng.chance(0.6)) {
    return `${c.city}${district}${rng.pick(V.COMPOUNDS)}${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(1, 28)}0${rng.int(1, 4)}`;
  }
  return `${c.city}${district}${rng.pick(V.ROADS)}${rng.int(1, 300)}号${rng.chance(0.5) ? `${rng.int(1, 8)}单元${rng.int(1, 18)}0${rng.int(1, 4)}` : ''}`;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '185', '186', '187', '188', '189'];

/** The i-th loaded customer's mobile: the 8-digit tail is a bijection of i, so phones never repeat. */
export function loadedPhone(i: number, rng: Rng): string {
  const tail = (i * 48271 + 12_345_678) % 100_000_000;
  return rng.pick(MOBILE_PREFIXES) + String(tail).padStart(8, '0');
}

/** Phones of customers created over HTTP: prefixes 198/199 are never loaded, so they stay unique. */
export function createdPhone(n: number): string {
  return (n % 2 ? '198' : '199') + String(Math.floor(n / 2) % 100_000_000).padStart(8, '0');
}

function orderFields(rng: Rng, at: number): Record<string, unknown> {
  const specIdx = rng.int(0, V.SPECS.length - 1);
  const deliveryChannel = rng.weighted([['home', 6], ['retail', 2], ['mall', 1]] as const);
  const quantity = deliveryChannel === 'home' ? rng.pick([7, 14, 30, 30, 30, 60, 90]) : rng.int(2, 50) * 10;
  const f: Record<string, unknown> = {
    product: rng.pickSkewed(V.PRODUCTS),
    spec: V.SPECS[specIdx],
    quantity,
    deliveryChannel,
  };
  if (rng.chance(0.8)) f.price = Math.round(quantity * V.SPEC_PRICES[specIdx] * 100) / 100;
  if (rng.chance(0.7)) f.startDate = chinaDate(at + rng.int(1, 7) * DAY);
  if (rng.chance(0.03)) f.outOfArea = true;
  if (rng.chance(0.5)) f.remark = rng.pick(V.ORDER_REMARKS);
  return f;
}

function complaintFields(rng: Rng, at: number): Record<string, unknown> {
  const product = rng.chance(0.6);
  const validity = rng.chance(0.85) ? 'valid' : 'invalid';
  const f: Record<string, unknown> = {};
  if (product) {
    const symptom = rng.weighted([['odour', 30], ['spoilage', 25], ['spec_mismatch', 10], ['foreign_matter', 20], ['other', 15]] as const);
    const p = rng.pickSkewed(V.PRODUCTS);
    const made = at - rng.int(1, 12) * DAY;
    const purchaseMethod = rng.weighted([['home', 5], ['retail', 2], ['mall', 2], ['online', 1], ['other', 0.3]] as const);
    f.target = `${p} ${rng.pick(V.SPECS)}`;
    f.reason = V.SYMPTOM_REASONS[symptom][rng.int(0, 4)].replace('{p}', p).replace('{d}', String(rng.int(2, 5)));
    if (rng.chance(0.7)) f.demand = rng.pick(V.DEMANDS);
    f.validity = validity;
    f.category = 'product_quality';
    if (validity === 'invalid') f.explanation = rng.pick(V.EXPLANATIONS);
    f.product = p;
    f.symptom = symptom;
    if (rng.chance(0.5)) f.symptomDetail = rng.pick(V.SYMPTOM_DETAILS);
    f.purchaseMethod = purchaseMethod;
    if (purchaseMethod === 'retail' || purchaseMethod === 'mall') f.purchasePlace = rng.pick(V.PURCHASE_PLACES);
    if (rng.chance(0.8)) f.batchNumber = `B${chinaDate(made).replace(/-/g, '')}-${pad2(rng.int(1, 12))}`;
    if (rng.chance(0.7)) f.productionDate = chinaDate(made);
    const injury = rng.chance(0.02);
    f.injury = injury;
    if (injury) f.injuryDetail = rng.pick(V.INJURY_DETAILS);
  } else {
    const issue = rng.weighted([['late_delivery', 35], ['short_quantity', 20], ['attitude', 20], ['billing_error', 15], ['other', 10]] as const);
    f.target = rng.pick(V.SERVICE_TARGETS);
    f.reason = fill(rng.pick(V.SERVICE_REASONS[issue]), rng);
    if (rng.chance(0.7)) f.demand = rng.pick(V.DEMANDS);
    f.validity = validity;
    f.category = 'service_quality';
    if (validity === 'invalid') f.explanation = rng.pick(V.EXPLANATIONS);
    f.serviceIssue = issue;
    if (rng.chance(0.7)) f.staffName = rng.pick(V.STAFF_NAMES);
    if (rng.chance(0.5)) f.staffId = `S0${rng.int(100, 999)}`;
    if (rng.chance(0.6)) f.workPlace = `${rng.pick(V.CITIES[0].districts)}${rng.pick(V.ROADS)}片区`;
    if (rng.chance(0.4)) f.workManner = rng.pick(V.WORK_MANNERS);
  }
  return f;
}

function inquiryFields(rng: Rng): Record<string, unknown> {
  const topics = new Set<string>([rng.pick(V.TOPICS)]);
  while (rng.chance(0.35) && topics.size < 3) topics.add(rng.pick(V.TOPICS));
  const f: Record<string, unknown> = {
    topics: V.TOPICS.filter((t) => topics.has(t)),
    conversation: fill(rng.pick(V.CONVERSATIONS), rng),
  };
  if (rng.chance(0.7)) f.informationGiven = rng.pick(V.INFORMATION_GIVEN);
  const potential = rng.chance(0.2);
  f.potentialOrder = potential;
  if (potential) {
    f.interestedProduct = rng.pickSkewed(V.PRODUCTS);
    if (rng.chance(0.8)) f.preferredChannel = rng.pick(['home', 'retail', 'mall']);
  }
  return f;
}

function repairFields(rng: Rng, at: number): Record<string, unknown> {
  const category = rng.pick(V.REPAIR_CATEGORIES);
  const f: Record<string, unknown> = {
    content: rng.pick(V.REPAIR_CONTENTS[category]),
    repairCategory: category,
  };
  if (rng.chance(0.8)) f.location = rng.pick(V.REPAIR_LOCATIONS);
  f.preferredTime = rng.pick(V.PREFERRED_TIMES);
  if (rng.chance(0.4)) f.appointmentTime = new Date(at + rng.int(1, 3) * DAY + rng.int(0, 8) * 3_600_000).toISOString();
  return f;
}

export function ticketFields(type: TicketType, rng: Rng, at: number): Record<string, unknown> {
  switch (type) {
    case 'order': return orderFields(rng, at);
    case 'complaint': return complaintFields(rng, at);
    case 'inquiry': return inquiryFields(rng);
    case 'repair': return repairFields(rng, at);
  }
}

import { z } from 'zod';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import * as api from '@kefu/shared/api';
import * as routing from '@kefu/shared/routing-api';
import * as notices from '@kefu/shared/notifications-api';
import * as sla from '@kefu/shared/sla-api';

// The OpenAPI document is for client generators as much as for people: every
// operation has an operationId and its error answers, and the shapes that
// recur are named components instead of being repeated inline.

/** Shapes named in components.schemas (by the zod registry the transform reads). */
const NAMED: Record<string, z.ZodType> = {
  ErrorBody: api.errorBody,
  Me: api.me,
  Department: api.department,
  Team: api.team,
  Role: api.role,
  User: api.user,
  Directory: api.directory,
  Customer: api.customer,
  CustomerHistoryItem: api.customerHistoryItem,
  FormRecord: api.formResponse,
  Interaction: api.interaction,
  TicketCreate: api.ticketCreateBody,
  TicketUpdate: api.ticketUpdateBody,
  Ticket: api.ticketDetail,
  TicketListItem: api.ticketListItem,
  TimelineEntry: api.timelineEntry,
  Note: api.note,
  Rule: routing.ruleOut,
  RuleVersion: routing.ruleVersionOut,
  RulePreview: routing.rulePreviewOut,
  RuleRun: routing.ruleRunOut,
  RuleTemplate: routing.ruleTemplateOut,
  Position: routing.positionOut,
  Notification: notices.notificationOut,
  NotificationDelivery: notices.deliveryOut,
  NotificationPreference: notices.notificationPreference,
  SlaPolicy: sla.slaPolicyOut,
  BusinessCalendar: sla.calendarOut,
  SlaQueueItem: sla.slaQueueItemOut,
  DepartmentEscalation: sla.departmentEscalationOut,
  Wallboard: sla.wallboardOut,
};

let named = false;
function nameSchemas(): void {
  if (named) return;
  named = true;
  for (const [id, schema] of Object.entries(NAMED)) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}

/** `GET /api/v1/tickets/{id}/timeline` → `getTicketsByIdTimeline`: unique per method and path, stable. */
export function operationId(method: string, url: string): string {
  const parts = url.replace(/^\/api(\/v1)?\//, '').split('/').filter(Boolean).map((p) => {
    const param = /^[:{](\w+)}?$/.exec(p);
    const word = (param ? `by-${param[1]}` : p).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return method.toLowerCase() + parts.join('');
}

const ERROR_TEXT: Record<number, string> = {
  400: 'The request does not match the schema, or holds text or dates that cannot be stored',
  401: 'Not signed in, or the session has ended',
  403: 'Signed in without the permission this needs, or a cross-site request',
  404: 'Not found, or outside what the caller may see',
  409: 'Conflicts with the current state (lifecycle, quiet hours …)',
  422: 'Well-formed but not acceptable (form fields, phone numbers …); details list every problem',
};

export const openApiTransform: SwaggerTransform = (document) => {
  nameSchemas();
  const out = jsonSchemaTransform(document as never) as { schema: Record<string, any>; url: string };
  const { schema } = out;
  if (!schema || schema.hide) return out;
  const route = (document as { route: { method: string | string[]; config?: { public?: boolean; permission?: unknown } } }).route;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  schema.operationId ??= operationId(method, document.url);
  const response: Record<string, unknown> = (schema.response ??= {});
  const codes = new Set<number>([400]);
  if (!route.config?.public) codes.add(401);
  if (route.config?.permission || !route.config?.public) codes.add(403);
  if (/[:{]/.test(document.url)) codes.add(404);
  for (const code of codes) {
    response[code] ??= { description: ERROR_TEXT[code], ...errorRef() };
  }
  for (const [code, r] of Object.entries(response)) {
    const n = Number(code);
    if (n >= 400 && r && typeof r === 'object' && !('description' in r)) (r as Record<string, unknown>).description = ERROR_TEXT[n] ?? 'Error';
  }
  return out;
};

function errorRef(): Record<string, unknown> {
  return { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }, required: ['code', 'message'] } }, required: ['error'] };
}

export const openApiTransformObject = jsonSchemaTransformObject;

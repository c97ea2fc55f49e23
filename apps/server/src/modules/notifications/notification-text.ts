import type { Locale } from '../../platform/errors.ts';
import { defaultTemplates, isNotificationEvent } from './templates/defaults.ts';
import { renderTemplate, type TemplateVars } from './templates/render.ts';

const TYPE_LABELS: Record<string, { zh: string; en: string }> = {
  order: { zh: '订单', en: 'order' },
  complaint: { zh: '投诉', en: 'complaint' },
  inquiry: { zh: '咨询', en: 'inquiry' },
  repair: { zh: '报修', en: 'repair' },
  task: { zh: '任务', en: 'task' },
};

const CHAT_TARGETS: Record<string, { zh: string; en: string }> = {
  first_response: { zh: '首次响应', en: 'first-response' },
  resolution: { zh: '解决', en: 'resolution' },
};

/**
 * A notification's title and body in one recipient's language. Words that
 * depend on the language (the type of work order, "you") are filled in here.
 */
export function renderNotification(kind: string, vars: Record<string, unknown>, locale: Locale): { title: string; body: string } {
  const ticket = (vars.ticket ?? {}) as Record<string, unknown>;
  const label = TYPE_LABELS[String(ticket.type ?? '')];
  const chat = vars.chat as Record<string, unknown> | undefined;
  const target = CHAT_TARGETS[String(chat?.targetKind ?? '')];
  const localVars = {
    ...vars,
    ...(chat ? { chat: { ...chat, target: target ? (locale === 'zh-CN' ? target.zh : target.en) : '' } } : {}),
    ticket: { ...ticket, typeLabel: label ? (locale === 'zh-CN' ? label.zh : label.en) : String(ticket.type ?? '') },
    target: { name: locale === 'zh-CN' ? '您' : 'you', ...(vars.target as object | undefined) },
  } as TemplateVars;
  const template = isNotificationEvent(kind) ? defaultTemplates[kind] : defaultTemplates['ticket.routed'];
  const r = renderTemplate(template, localVars, locale);
  return { title: r.title, body: r.text };
}

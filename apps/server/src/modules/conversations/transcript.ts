import type { ConversationDetail, ConversationMessage } from '@kefu/shared/conversations-api';

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as the center reads it: 2026-12-07 14:05:09 in its time zone. */
export function localStamp(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${pad(Number(parts.hour))}:${parts.minute}:${parts.second}`;
}

/** who wrote a message, as a transcript names them */
export function transcriptWho(m: ConversationMessage, visitorName: string | null): string {
  if (m.author === 'visitor') return visitorName ? `访客 ${visitorName}` : '访客';
  if (m.author === 'system') return '系统';
  return m.authorName ?? '客服';
}

/** What a transcript says about the conversation before its messages (HTML and PDF). */
export function transcriptFacts(c: ConversationDetail, timeZone: string): [string, string][] {
  const rating = c.rating ? `${c.rating}/${c.ratingScale ?? 5}${c.ratingComment ? `:${c.ratingComment}` : ''}` : '—';
  return [
    ['渠道', c.channelName], ['访客', c.visitorName ?? '—'], ['电话', c.visitorPhone ?? '—'], ['邮箱', c.visitorEmail ?? '—'],
    ['客户', c.customer?.name ?? '—'], ['接待', c.assigneeName ?? '—'], ['开始', localStamp(c.createdAt, timeZone)],
    ['结束', c.resolvedAt ? `${localStamp(c.resolvedAt, timeZone)}${c.visitorEndedAt ? '(访客结束)' : ''}` : '—'],
    ['工单', c.tickets.map((t) => t.number).join('、') || '—'], ['评价', rating],
  ];
}

/** The messages that belong in a transcript: what the customer saw, and internal notes only when asked. */
export function transcriptMessages(c: ConversationDetail, withInternal: boolean): ConversationMessage[] {
  return c.messages.filter((m) => withInternal || !m.internal);
}

/** what a message carried, in words: [图片] photo.png */
const filesOf = (m: ConversationMessage) => m.attachments.map((f) => `[${f.contentType.startsWith('image/') ? '图片' : '文件'}] ${f.fileName}`);

/** Plain text, for a work order's note (the chat kept as confirmation evidence, AUD-06). */
export function transcriptText(c: ConversationDetail, timeZone: string, withInternal = false): string {
  const head = `聊天记录 · ${c.channelName} · ${localStamp(c.createdAt, timeZone)}`;
  const lines = transcriptMessages(c, withInternal).map((m) => `[${localStamp(m.createdAt, timeZone)}] ${transcriptWho(m, c.visitorName)}${m.internal ? '(内部备注)' : ''}:${[m.body, ...filesOf(m)].filter(Boolean).join(' ')}`);
  return [head, ...lines].join('\n');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]!));

/** A printable HTML document of the conversation (print to PDF from the browser). */
export function transcriptHtml(c: ConversationDetail, timeZone: string, withInternal = false): string {
  const rows = transcriptMessages(c, withInternal).map((m) => `
    <tr class="${m.author}${m.internal ? ' internal' : ''}"><td class="t">${escape(localStamp(m.createdAt, timeZone))}</td>
      <td class="w">${escape(transcriptWho(m, c.visitorName))}${m.internal ? '(内部备注)' : ''}</td><td class="b">${[escape(m.body).replace(/\n/g, '<br>'), ...filesOf(m).map(escape)].filter(Boolean).join('<br>')}</td></tr>`).join('');
  const facts = transcriptFacts(c, timeZone).map(([k, v]) => `<div><span>${escape(k)}</span>${escape(v)}</div>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>聊天记录 ${escape(c.id)}</title>
<style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:18px}.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:4px 16px;margin-bottom:16px;font-size:13px}
.facts span{color:#888;margin-right:8px}table{border-collapse:collapse;width:100%;font-size:13px}td{border-bottom:1px solid #eee;padding:6px;vertical-align:top}
td.t{white-space:nowrap;color:#888;width:1%}td.w{white-space:nowrap;width:1%}tr.agent td.w{color:#1677ff}tr.system td{color:#888}tr.internal td{background:#fffbe6}
@media print{body{margin:0}}</style></head><body><h1>聊天记录</h1><div class="facts">${facts}</div><table>${rows}</table></body></html>`;
}

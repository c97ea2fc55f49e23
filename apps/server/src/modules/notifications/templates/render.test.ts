import { describe, expect, it } from 'vitest';
import { defaultTemplates, isNotificationEvent, NOTIFICATION_EVENTS, templateVariables } from './defaults.ts';
import { placeholdersOf, renderTemplate, TemplateError, validateTemplate, type LocalizedTemplate } from './render.ts';

const vars = {
  recipient: { name: '王芳' },
  ticket: { number: 'GD20261123-0001', subject: '牛奶有异味', typeLabel: '投诉' },
  customer: { name: '李先生' },
  rule: { name: '质量投诉转质检部' },
  target: { name: '质检部' },
  sla: { name: '首次响应' },
  dueAt: new Date('2026-11-23T06:30:00Z'),
  link: 'https://kefu.example.com/tickets/1',
};

const template = (zhBody: string, enBody = 'Hello'): LocalizedTemplate => ({
  'zh-CN': { title: '标题', body: zhBody },
  'en-US': { title: 'Title', body: enBody },
});

function templateError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('renderTemplate', () => {
  it('renders the assignment notice in natural Chinese', () => {
    const out = renderTemplate(defaultTemplates['ticket.assigned'], vars, 'zh-CN');
    expect(out.title).toBe('工单 GD20261123-0001 已分派给您：牛奶有异味');
    expect(out.text).toBe(
      '王芳，您好：\n投诉工单 GD20261123-0001 已分派给您处理。\n主题：牛奶有异味\n客户：李先生\n查看工单：https://kefu.example.com/tickets/1',
    );
    expect(out.missing).toEqual([]);
  });

  it('renders the same notice in English', () => {
    const en = { ...vars, recipient: { name: 'Fang Wang' }, ticket: { ...vars.ticket, subject: 'Milk smells off', typeLabel: 'Complaint' }, customer: { name: 'Mr Li' } };
    const out = renderTemplate(defaultTemplates['ticket.assigned'], en, 'en-US');
    expect(out.title).toBe('Work order GD20261123-0001 assigned to you: Milk smells off');
    expect(out.text).toBe(
      'Hello Fang Wang,\nWork order GD20261123-0001 (Complaint) has been assigned to you.\nSubject: Milk smells off\nCustomer: Mr Li\nOpen the work order: https://kefu.example.com/tickets/1',
    );
  });

  it('names the routing rule and the team a work order was routed to', () => {
    const out = renderTemplate(defaultTemplates['ticket.routed'], vars, 'zh-CN');
    expect(out.title).toBe('新转办工单 GD20261123-0001：牛奶有异味');
    expect(out.text).toContain('投诉工单 GD20261123-0001 已按规则「质量投诉转质检部」转交质检部处理。');
  });

  it('shows deadlines in the recipient\'s language and the configured time zone, from a Date or an ISO string', () => {
    const zh = renderTemplate(defaultTemplates['sla.warning'], vars, 'zh-CN');
    expect(zh.text).toContain('投诉工单 GD20261123-0001 的「首次响应」时限将于 2026年11月23日 14:30 到期，请抓紧处理。');
    const en = renderTemplate(defaultTemplates['sla.breached'], { ...vars, sla: { name: 'First response' }, dueAt: '2026-11-23T06:30:00.000Z' }, 'en-US');
    expect(en.text).toContain('The "First response" deadline of work order GD20261123-0001 (投诉) passed at Nov 23, 2026, 14:30.');
    const utc = renderTemplate(defaultTemplates['sla.breached'], vars, 'en-US', { timeZone: 'UTC' });
    expect(utc.text).toContain('passed at Nov 23, 2026, 06:30.');
  });

  it('renders numbers and leaves missing variables empty, listing them once each', () => {
    const out = renderTemplate(
      defaultTemplates['ticket.escalated'],
      { ticket: { number: 'GD20261123-0002', subject: '送货延误' }, escalation: { level: 2 } },
      'zh-CN',
    );
    expect(out.title).toBe('工单 GD20261123-0002 已升级，请您跟进：送货延误');
    expect(out.text).toContain('，您好：\n工单 GD20261123-0002 已升级至第 2 级，需要您跟进。\n升级原因：\n');
    expect(out.missing).toEqual(['recipient.name', 'ticket.typeLabel', 'escalation.reason', 'customer.name', 'link']);
  });

  it('treats objects, null and inherited properties as missing', () => {
    const t = template('{{ticket}}|{{customer.name}}|{{ticket.constructor}}|{{toString}}');
    const out = renderTemplate(t, { ticket: { number: '1' }, customer: { name: null } }, 'zh-CN');
    expect(out.text).toBe('|||');
    expect(out.missing).toEqual(['ticket', 'customer.name', 'ticket.constructor', 'toString']);
  });

  it('escapes values and literal text in the HTML variant but not in the plain text', () => {
    const t = template('主题：{{ticket.subject}}\n备注 <b>&</b>\n{{link}}\n{{other}}');
    const out = renderTemplate(t, { ticket: { subject: '<script>alert("x")</script> & \'co\'' }, link: 'https://kefu.example.com/t?a=1&b=2', other: 'javascript:alert(1)' }, 'zh-CN');
    expect(out.text).toBe('主题：<script>alert("x")</script> & \'co\'\n备注 <b>&</b>\nhttps://kefu.example.com/t?a=1&b=2\njavascript:alert(1)');
    expect(out.html).toBe(
      '主题：&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;<br>\n' +
        '备注 &lt;b&gt;&amp;&lt;/b&gt;<br>\n' +
        '<a href="https://kefu.example.com/t?a=1&amp;b=2">https://kefu.example.com/t?a=1&amp;b=2</a><br>\n' +
        'javascript:alert(1)',
    );
  });

  it('keeps the title on one line even when a value has line breaks', () => {
    const out = renderTemplate(defaultTemplates['ticket.assigned'], { ...vars, ticket: { ...vars.ticket, subject: '牛奶\n有异味 ' } }, 'zh-CN');
    expect(out.title).toBe('工单 GD20261123-0001 已分派给您：牛奶 有异味');
  });

  it('accepts spaces inside placeholders', () => {
    expect(renderTemplate(template('工单 {{ ticket.number }}'), vars, 'zh-CN').text).toBe('工单 GD20261123-0001');
  });

  it('refuses to render a template with broken braces', () => {
    const err = templateError(() => renderTemplate(template('工单 {{ticket.number}'), vars, 'zh-CN'));
    expect(err).toMatchObject({ code: 'UNBALANCED_BRACES', locale: 'zh-CN', field: 'body' });
  });
});

describe('validateTemplate', () => {
  it.each([
    ['工单 {{ticket.number} 已分派', 'UNBALANCED_BRACES', 3],
    ['工单 {ticket.number}} 已分派', 'UNBALANCED_BRACES', 3],
    ['工单 {ticket.number} 已分派', 'UNBALANCED_BRACES', 3],
    ['工单 {{{ticket.number}}}', 'UNBALANCED_BRACES', 3],
    ['{{ticket.number}} 已分派 }', 'UNBALANCED_BRACES', 22],
    ['工单 {{ticket number}}', 'INVALID_PLACEHOLDER', 3],
    ['工单 {{}}', 'INVALID_PLACEHOLDER', 3],
    ['工单 {{ticket..number}}', 'INVALID_PLACEHOLDER', 3],
  ])('refuses %j with %s at character %i', (body, code, position) => {
    const err = templateError(() => validateTemplate(template('ok', body)));
    expect(err).toMatchObject({ code, locale: 'en-US', field: 'body', position });
    expect(err.message).toMatch(/^en-US body: /);
  });

  it('refuses a missing language or empty text', () => {
    const noEnglish = { 'zh-CN': { title: '标题', body: '正文' } } as LocalizedTemplate;
    expect(templateError(() => validateTemplate(noEnglish))).toMatchObject({ code: 'EMPTY_TEMPLATE', locale: 'en-US', field: 'title' });
    expect(templateError(() => validateTemplate(template('  ')))).toMatchObject({ code: 'EMPTY_TEMPLATE', locale: 'zh-CN', field: 'body' });
  });

  it('refuses variables the event does not provide, when told which it does', () => {
    const t = template('工单 {{ticket.numbr}}');
    expect(() => validateTemplate(t)).not.toThrow();
    const err = templateError(() => validateTemplate(t, { variables: templateVariables['ticket.assigned'] }));
    expect(err.code).toBe('UNKNOWN_VARIABLE');
    expect(err.message).toContain('{{ticket.numbr}}');
  });

  it('lists the variables a text uses', () => {
    expect(placeholdersOf('{{a.b}} {{ c }} {{a.b}}')).toEqual(['a.b', 'c']);
  });
});

describe('default templates', () => {
  it('cover every event', () => {
    expect(Object.keys(defaultTemplates).sort()).toEqual([...NOTIFICATION_EVENTS].sort());
    expect(isNotificationEvent('sla.breached')).toBe(true);
    expect(isNotificationEvent('ticket.deleted')).toBe(false);
  });

  it.each(NOTIFICATION_EVENTS)('%s is valid, uses only its variables, and says the same in both languages', (event) => {
    const t = defaultTemplates[event];
    validateTemplate(t, { variables: templateVariables[event] });
    const used = (locale: 'zh-CN' | 'en-US') => new Set([...placeholdersOf(t[locale].title), ...placeholdersOf(t[locale].body)]);
    expect(used('zh-CN')).toEqual(used('en-US'));
    expect([...used('zh-CN')].sort()).toEqual([...templateVariables[event]].sort());
  });

  it.each(NOTIFICATION_EVENTS)('%s reads as Chinese with full-width punctuation in zh-CN', (event) => {
    for (const text of [defaultTemplates[event]['zh-CN'].title, defaultTemplates[event]['zh-CN'].body]) {
      const literal = text.replace(/\{\{[^}]*\}\}/g, '');
      expect(literal).toMatch(/[\u4e00-\u9fff]/);
      expect(literal).not.toMatch(/[,:;!?()]/);
    }
  });

  it('renders every event in both languages with nothing missing when all variables are given', () => {
    const all = { ...vars, escalation: { level: 1, reason: '客户再次来电' }, task: { title: '上门检测' }, cutoff: { name: '每日 10:00 订单分派', count: 3, numbers: 'GD20261127-0001' },
      callback: { source: '投诉处理后回访', step: '投诉回访', agent: '王丽' }, chat: { visitor: '访客小周', channel: '官网在线客服', target: '首次响应', agent: '王丽' },
      customer: { name: '李先生', tier: 'A' }, owner: { name: '王丽' },
      service: { name: 'hengkang-milk.cn', kind: '域名', expiresAt: '2027-02-07', daysLeft: 7 }, list: { month: '2027-02', count: 2, names: '李先生、王女士' } };
    for (const event of NOTIFICATION_EVENTS) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const out = renderTemplate(defaultTemplates[event], all, locale);
        expect(out.missing).toEqual([]);
        expect(out.title).not.toMatch(/[{}]/);
        expect(out.text).not.toMatch(/[{}]/);
      }
    }
  });
});

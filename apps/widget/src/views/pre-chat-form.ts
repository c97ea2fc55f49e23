import type { Channel } from '../api.ts';
import { h } from '../dom.ts';
import type { Strings } from '../i18n.ts';
import type { PreChat } from '../store.ts';

// What the channel asks before the first message (name, phone or e-mail,
// topic). Each field says what is wrong under it; the first wrong one gets
// the focus.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,32}$/;

export function preChatForm(t: Strings, p: Channel['settings']['preChat'], pre: PreChat, submit: (answers: PreChat) => void): Node[] {
  const checks: (() => HTMLElement | null)[] = [];
  const field = (id: string, label: string, control: HTMLInputElement | HTMLSelectElement, required: boolean, valid: (v: string) => string) => {
    const err = h('div', { class: 'e', id: `${id}-e` });
    control.id = id;
    control.setAttribute('aria-describedby', err.id);
    if (required) control.setAttribute('aria-required', 'true');
    const check = () => {
      const v = control.value.trim();
      const problem = !v ? (required ? t.required : '') : valid(v);
      err.textContent = problem;
      control.setAttribute('aria-invalid', String(!!problem));
      return problem ? control : null;
    };
    checks.push(check);
    // once flagged, the message goes as soon as the value is right
    control.addEventListener('input', () => control.getAttribute('aria-invalid') === 'true' && check());
    return h('div', { class: 'f' }, h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, '*') : t.optional), control, err);
  };
  const name = h('input', { type: 'text', maxlength: 64, autocomplete: 'name', value: pre.name ?? '' });
  const contact = h('input', { type: 'text', maxlength: 200, autocomplete: 'tel', value: pre.phone ?? pre.email ?? '' });
  const topic = h('select', {}, h('option', { value: '' }, t.choose), ...Object.entries(t.topics).map(([k, v]) => h('option', { value: k, selected: pre.topic === k }, v)));
  const form = h('form', { class: 'form', novalidate: true },
    h('p', {}, t.preTitle),
    field('k-name', t.name, name, p.requireName, () => ''),
    field('k-contact', t.contact, contact, p.requireContact, (v) => (v.includes('@') ? EMAIL.test(v) : PHONE.test(v)) ? '' : t.badContact),
    p.askTopic && field('k-topic', t.topic, topic, false, () => ''),
    h('button', { class: 'primary', type: 'submit' }, t.start));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const bad = checks.map((c) => c()).find(Boolean);
    if (bad) return bad.focus();
    const c = contact.value.trim();
    const answers: PreChat = { name: name.value.trim() || undefined, topic: (p.askTopic && topic.value) || undefined };
    if (c) answers[c.includes('@') ? 'email' : 'phone'] = c;
    submit(answers);
  });
  return [form];
}

import { fill, ratingWords, type Strings } from '../i18n.ts';
import { h, icon, STAR } from '../dom.ts';

// The rating at the end of a chat, on the channel's scale (the satisfaction
// surveys' 2, 3 or 5 points): a star for each point with its word, an
// optional comment, skip; and "back to the chat" while the visitor is only
// thinking of ending it. Then a thank-you.

export interface RatingEvents {
  /** rejects when it could not be sent (the form can be sent again) */
  submit(value: number, comment: string | undefined): Promise<void>;
  skip(): void;
  back(): void;
}

export function ratingForm(t: Strings, scale: number, ending: boolean, on: RatingEvents): Node[] {
  let value = 0;
  const words = ratingWords(t, scale);
  const label = h('div', { class: 'rl', 'aria-live': 'polite' });
  const submit = h('button', { class: 'primary', type: 'submit', disabled: true }, t.submit);
  const stars = words.map((word, i) => {
    const n = i + 1;
    const input = h('input', { type: 'radio', name: 'k-rating', value: n, 'aria-label': `${fill(t.star, { n })} ${word}` });
    input.addEventListener('change', () => {
      value = n;
      stars.forEach((s, i) => s.classList.toggle('on', i < n));
      label.textContent = word;
      submit.disabled = false;
    });
    return h('label', { class: 'star' }, input, icon(STAR, 40));
  });
  const comment = h('textarea', { rows: 3, maxlength: 500, 'aria-label': t.comment, placeholder: t.comment });
  const form = h('form', { class: 'form' },
    h('fieldset', {}, h('legend', {}, t.rateTitle), h('div', { class: 'stars' }, ...stars)),
    label, comment, submit,
    h('button', { class: 'link', type: 'button', onclick: () => on.skip() }, t.skip),
    ending && h('button', { class: 'link', type: 'button', onclick: () => on.back() }, t.back));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!value) return;
    submit.disabled = true;
    try {
      await on.submit(value, comment.value.trim() || undefined);
    } catch {
      submit.disabled = false;
    }
  });
  return [form];
}

export function thanksView(t: Strings, ending: boolean, done: () => void): Node[] {
  return [h('div', { class: 'done' }, h('div', { role: 'status' }, t.thanks),
    h('button', { class: 'primary', type: 'button', onclick: done }, ending ? t.newChat : t.back))];
}

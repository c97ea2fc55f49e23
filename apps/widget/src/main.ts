import { Widget } from './widget.ts';

// <script src="https://kefu.example/widget.js" data-channel="website" async></script>
// The API is where the script came from. Options: data-channel (default
// "website"), data-locale ("zh-CN" | "en-US"; else the page's <html lang>,
// else zh-CN), data-color (accent, #rgb or #rrggbb).

declare global {
  interface Window {
    KefuChat?: { open(): void; close(): void };
  }
}

(() => {
  const script = (document.currentScript as HTMLScriptElement | null)
    ?? [...document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]')].pop();
  if (!script || window.KefuChat) return;
  let w: Widget | undefined;
  // a page's own button may open the chat: KefuChat.open()
  window.KefuChat = { open: () => w?.toggle(true), close: () => w?.toggle(false) };
  const d = script.dataset;
  const lang = d.locale || document.documentElement.lang || 'zh-CN';
  const start = () => {
    w = new Widget({
      base: new URL('.', script.src).href,
      channel: d.channel || 'website',
      locale: /^en/i.test(lang) ? 'en-US' : 'zh-CN',
      color: /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(d.color ?? '') ? d.color! : '#1677ff',
    });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();

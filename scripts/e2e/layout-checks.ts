import type { Page } from 'playwright-core';

// Layout defects a person notices at once, measured in the page: the page
// scrolling sideways, header items drawn over each other or over the content,
// and menu labels cut off with an ellipsis.

export interface LayoutProblem {
  kind: 'page-overflow' | 'header-overlap' | 'header-over-content' | 'header-item-outside' | 'label-truncated' | 'table-cut';
  detail: string;
}

/** Runs inside the page: everything here must be self-contained. */
function measure(desktop: boolean): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    // name the widest elements, so the failure says where to look
    // the outermost elements past the right edge that no scrolling box clips
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.getClientRects().length && !clipped(el))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    problems.push({ kind: 'page-overflow', detail: `scrollWidth ${root.scrollWidth} > innerWidth ${window.innerWidth}: ${wide.join('; ')}` });
  }
  const rect = (el: Element) => el.getBoundingClientRect();
  const visible = (el: Element) => {
    const r = rect(el);
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const intersect = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;

  const header = document.querySelector('[data-testid="app-header"]');
  if (header) {
    const h = rect(header);
    const items = [...header.querySelectorAll('[data-header-item]')].filter(visible);
    for (let i = 0; i < items.length; i++) {
      const a = rect(items[i]);
      if (a.top < h.top - 0.5 || a.bottom > h.bottom + 0.5 || a.left < h.left - 0.5 || a.right > h.right + 0.5) {
        problems.push({ kind: 'header-item-outside', detail: `${name(items[i])} (${Math.round(a.width)}×${Math.round(a.height)}) leaves the header` });
      }
      for (let j = i + 1; j < items.length; j++) {
        if (intersect(a, rect(items[j]))) {
          problems.push({ kind: 'header-overlap', detail: `${name(items[i])} overlaps ${name(items[j])}` });
        }
      }
    }
    const main = document.querySelector('[data-testid="app-content"]');
    if (main && intersect(h, rect(main))) {
      problems.push({ kind: 'header-over-content', detail: `header bottom ${Math.round(h.bottom)} > content top ${Math.round(rect(main).top)}` });
    }
  }
  // menu labels (sidebar or drawer) must be readable in full
  for (const label of document.querySelectorAll<HTMLElement>('[data-testid="side-menu"] .ant-menu-title-content')) {
    if (visible(label) && label.scrollWidth > label.clientWidth + 1) {
      problems.push({ kind: 'label-truncated', detail: `menu label "${label.innerText}" is cut off` });
    }
  }
  // on a desk, a table shows all its columns: none is cut off behind a scrollbar
  if (desktop) {
    for (const scroller of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
      if (visible(scroller) && scroller.scrollWidth > scroller.clientWidth + 1) {
        const heads = [...(scroller.closest('.ant-table')?.querySelectorAll('thead th') ?? [])].map((th) => (th as HTMLElement).innerText).filter(Boolean);
        problems.push({ kind: 'table-cut', detail: `table (${heads.slice(0, 3).join(', ')}…) is ${scroller.scrollWidth - scroller.clientWidth} px wider than its card` });
      }
    }
  }
  return problems;
}

export async function layoutProblems(page: Page, { desktop }: { desktop: boolean }): Promise<LayoutProblem[]> {
  // measured at the top of the page, where the header meets the content
  await page.evaluate(() => window.scrollTo(0, 0));
  // tsx compiles with esbuild's keepNames, which wraps inner functions in
  // __name(...): a helper that exists in Node, not in the page
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(measure, desktop);
}

/** Waits until the page has loaded its data: no request running and no spinner turning. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .kefu-boot-spin'));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

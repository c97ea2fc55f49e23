import { describe, expect, it } from 'vitest';
import { ROOMY_MIN_WIDTH, ticketColumnLayout } from './ticket-column-layout.ts';
import { desktopContentWidth } from '../../layouts/layout-size.ts';

describe('work-order list columns', () => {
  it.each([1280, 1440, 1920])('fit the card at %i px, the subject keeping its room', (viewport) => {
    const layout = ticketColumnLayout(viewport >= ROOMY_MIN_WIDTH);
    expect(layout.minWidth).toBeLessThanOrEqual(desktopContentWidth(viewport));
    expect(layout.columns.at(-1)).toBe('updatedAt');
  });

  it('shows the creation time when there is room for it', () => {
    expect(ticketColumnLayout(true).columns).toContain('createdAt');
    expect(ticketColumnLayout(false).columns).not.toContain('createdAt');
  });
});

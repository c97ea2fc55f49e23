// The desktop layout's fixed parts, for pages that size their tables to fit.
export const SIDER_WIDTH = 224;
/** .kefu-content's left + right padding */
export const CONTENT_PADDING = 40;
/** a small card's body padding, both sides */
export const CARD_PADDING = 24;
/** a vertical page scrollbar, where the system draws one */
export const SCROLLBAR = 16;

/** Width left for a table inside a card on the desktop layout. */
export function desktopContentWidth(viewport: number): number {
  return viewport - SIDER_WIDTH - CONTENT_PADDING - CARD_PADDING - SCROLLBAR;
}

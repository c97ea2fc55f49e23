import type { Localized } from '@kefu/shared/forms';

/** Everything the describing and cataloguing functions need to turn codes into words. */
export interface Lookups {
  locale: 'zh-CN' | 'en-US';
  typeName: (type: string) => string;
  priority: (p: string) => string;
  status: (s: string) => string;
  channel: (c: string) => string;
  userName: (id: string) => string | undefined;
  teamName: (id: string) => string | undefined;
  positionName: (key: string) => string | undefined;
  pick: (l: Localized) => string;
  /** dictionary text for rule.* keys */
  text: (key: string, vars?: Record<string, string | number>) => string;
}

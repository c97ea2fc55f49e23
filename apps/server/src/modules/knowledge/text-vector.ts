import { toVectorLiteral, words } from '../../platform/search/tokenize.ts';

/** The search vector of some texts: their jieba words (cutForSearch), each once. */
export const textVector = (...texts: (string | null | undefined)[]): string =>
  toVectorLiteral([...new Set(texts.flatMap((t) => (t ? words(t) : [])))]);

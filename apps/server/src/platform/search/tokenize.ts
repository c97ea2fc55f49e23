import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese-aware search text. Work orders are searched by words (jieba), so
// "异味" or a batch number finds them; names and addresses are searched by
// character bigrams, so any fragment an operator types matches without a
// dictionary (people's names are rarely in one).

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Lower-cased search words of a text, deduplicated, punctuation dropped. */
export function words(text: string): string[] {
  const out = new Set<string>();
  for (const w of segmenter().cutForSearch(text.toLowerCase(), true)) {
    const t = w.trim();
    if (t && WORD.test(t) && t.length <= 64) out.add(t);
  }
  return [...out];
}

/**
 * The words of a query as a person meant them (jieba's precise mode, not the
 * finer search mode the documents are indexed with): 酸牛奶 stays one word, so
 * its synonym 酸奶 can stand in for it instead of also requiring 牛奶.
 */
export function queryWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of segmenter().cut(text.toLowerCase(), true)) {
    const t = w.trim();
    if (t && WORD.test(t) && t.length <= 64) out.add(t);
  }
  return [...out];
}

/** Character unigrams and bigrams of each run of letters/digits. */
export function grams(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]);
      if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
    }
  }
  return [...out];
}

/** Quote a lexeme for to_tsvector/to_tsquery input ('simple' configuration). */
function quote(lexeme: string): string {
  if (!NEEDS_ESCAPE.test(lexeme)) return `'${lexeme}'`;
  return `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}
const NEEDS_ESCAPE = /['\\]/;

/** A tsvector literal (cast with ::tsvector) made of the given lexemes. */
export function toVectorLiteral(lexemes: string[]): string {
  return lexemes.map(quote).join(' ');
}

/**
 * A tsquery requiring every word of the query text; codes (letters, digits,
 * dashes: batch numbers, job numbers) also match as prefixes, so B20261125
 * finds B20261125-03. Null when nothing is searchable.
 */
export function wordsQuery(text: string): string | null {
  const ws = words(text);
  return ws.length ? ws.map((w) => (/^[a-z0-9][a-z0-9-]*$/.test(w) ? `${quote(w)}:*` : quote(w))).join(' & ') : null;
}

/** The runs of letters and digits of a search text, lower-cased (what gramsQuery looks for). */
export function searchRuns(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A tsquery requiring every bigram (or the single character) of the fragment. */
export function gramsQuery(text: string): string | null {
  const runs = searchRuns(text);
  const terms = new Set<string>();
  for (const run of runs) {
    const chars = [...run];
    if (chars.length === 1) terms.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  }
  return terms.size ? [...terms].map(quote).join(' & ') : null;
}

/**
 * A tsquery from groups of alternatives: each group is one word and the words
 * that mean the same (synonyms), any of which may match; `all` requires every
 * group (a search), else any (suggestions, ranked by how many match).
 */
export function alternativesQuery(groups: string[][], all: boolean): string | null {
  const parts = groups.filter((g) => g.length).map((g) => (g.length === 1 ? quote(g[0]) : `(${g.map(quote).join(' | ')})`));
  return parts.length ? parts.join(all ? ' & ' : ' | ') : null;
}

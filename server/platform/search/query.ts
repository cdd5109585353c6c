import { bigramsOf, normalizeText, preciseWordsOf, splitRuns, wordsOf } from './tokenize.ts';

/**
 * A search query is a list of terms, all of which must match (AND). Chinese terms come from jieba's
 * precise mode (行政复议决定 → 行政复议, 决定); a term matches a record when
 * - one character: the character (chars column);
 * - two characters: the bigram (grams column) — found whatever way jieba cut the text;
 * - three or more: all of its bigrams (行政 & 政复 & 复议);
 * - letters or digits: a word starting with it (title and body word columns).
 * The chars and grams columns cover every Chinese character of title and body, so a Chinese word never needs
 * its jieba-word alternative to match (that alternative only mattered to bm25, which search no longer uses).
 * The same terms become an FTS5 MATCH expression and a PostgreSQL tsquery, so both backends agree.
 */
export type QueryTerm = { text: string; isHan: boolean };

export const MAX_QUERY_CHARS = 100;
const MAX_TERMS = 12;
/** One-character function words dropped when a query has other terms (县政府的通知 → 县政府, 通知). */
const STOP_CHARS = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '之', '对', '于']);

export function parseQuery(raw: string): QueryTerm[] {
  const normalized = normalizeText(raw.slice(0, MAX_QUERY_CHARS));
  const terms: QueryTerm[] = [];
  for (const run of splitRuns(normalized)) {
    if (!run.isHan) {
      for (const word of wordsOf(run.text)) terms.push({ text: word, isHan: false });
      continue;
    }
    const words = [...run.text].length <= 2 ? [run.text] : preciseWordsOf(run.text);
    const kept = words.length > 1 ? words.filter((w) => !STOP_CHARS.has(w)) : words;
    for (const word of kept.length ? kept : words) terms.push({ text: word, isHan: true });
  }
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.text) && !!seen.add(t.text)).slice(0, MAX_TERMS);
}

const ftsToken = (token: string) => `"${token.replace(/"/g, '""')}"`;
const WORD_COLUMNS = '{title_words body_words}';

/** The FTS5 MATCH expression for the terms (columns title_words, body_words, grams, chars). */
export function toFts5Match(terms: QueryTerm[]): string {
  return terms
    .map((term) => {
      if (!term.isHan) return `(${WORD_COLUMNS} : ${ftsToken(term.text)}*)`;
      if ([...term.text].length === 1) return `(chars : ${ftsToken(term.text)})`;
      return `(grams : (${bigramsOf(term.text).map(ftsToken).join(' AND ')}))`;
    })
    .join(' AND ');
}

const tsToken = (token: string) => `'${token.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * The tsquery text for to_tsquery('simple', …). Weights: A title words, B body words, C grams, D chars
 * (see index-store.ts).
 */
export function toTsQuery(terms: QueryTerm[]): string {
  return terms
    .map((term) => {
      if (!term.isHan) return `${tsToken(term.text)}:*AB`;
      if ([...term.text].length === 1) return `${tsToken(term.text)}:D`;
      return `(${bigramsOf(term.text).map((g) => `${tsToken(g)}:C`).join(' & ')})`;
    })
    .join(' & ');
}

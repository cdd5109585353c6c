import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The tokens of the full-text index, made here in JavaScript so that SQLite (FTS5) and PostgreSQL
 * (tsvector, 'simple') index exactly the same strings:
 * - words: @node-rs/jieba in search mode (行政复议决定书 → 行政 复议 行政复议 决定 决定书), plus every
 *   run of letters or digits in other scripts; they rank whole-word matches first;
 * - grams: every pair of neighbouring Chinese characters (行政 政复 复议 议决 决定 定书), so a two-
 *   character query matches whatever way jieba cut the text, and a longer word is found through all
 *   of its bigrams even where the text was segmented differently;
 * - chars: every Chinese character, for one-character queries.
 * Every token is letters or digits only (NFKC, lower case), so neither backend's tokenizer splits it again.
 */

/** Text beyond this is neither indexed nor used for snippets (keeps a tsvector far below its 1 MB limit). */
export const MAX_INDEXED_CHARS = 40_000;

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const TOKEN_CHAR = /[\p{L}\p{N}]/u;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export type Run = { text: string; isHan: boolean };

/** Maximal runs of Chinese characters, or of other letters and digits; everything else separates. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current = '';
  let isHan = false;
  for (const ch of text) {
    const chIsHan = HAN.test(ch);
    const isToken = chIsHan || TOKEN_CHAR.test(ch);
    if (!isToken || (current && chIsHan !== isHan)) {
      if (current) runs.push({ text: current, isHan });
      current = '';
    }
    if (isToken) {
      current += ch;
      isHan = chIsHan;
    }
  }
  if (current) runs.push({ text: current, isHan });
  return runs;
}

/** jieba's search-mode words of normalised text, each split further into clean runs. */
export function wordsOf(normalized: string): string[] {
  if (!normalized) return [];
  return segmenter()
    .cutForSearch(normalized, true)
    .flatMap((piece) => splitRuns(piece).map((run) => run.text));
}

/** jieba's precise-mode words (used for queries, where search mode would add overlapping words). */
export function preciseWordsOf(normalized: string): string[] {
  if (!normalized) return [];
  return segmenter()
    .cut(normalized, false)
    .flatMap((piece) => splitRuns(piece).map((run) => run.text));
}

export function bigramsOf(han: string): string[] {
  const chars = [...han];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

export type IndexTokens = { titleWords: string; bodyWords: string; grams: string; chars: string };

/** The four token columns of one record, each a space-separated string. */
export function indexTokens(title: string, body: string): IndexTokens {
  const normalizedTitle = normalizeText(title);
  const normalizedBody = normalizeText(body.slice(0, MAX_INDEXED_CHARS));
  const hanRuns = [...splitRuns(normalizedTitle), ...splitRuns(normalizedBody)].filter((run) => run.isHan);
  return {
    titleWords: wordsOf(normalizedTitle).join(' '),
    bodyWords: wordsOf(normalizedBody).join(' '),
    grams: hanRuns.flatMap((run) => bigramsOf(run.text)).join(' '),
    chars: hanRuns.flatMap((run) => [...run.text]).join(' '),
  };
}

/**
 * Highlighted snippets for search results, made from the stored plain text (not from the tokens), so
 * they read as the original. Output is HTML: every piece of text is escaped and only <mark> is added.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Range = [number, number];

/** BMP code units that NFKC and lower-casing leave unchanged (CJK ideographs, most punctuation, a–z, digits). */
let stableUnits: Uint8Array | undefined;
function isStable(unit: number): boolean {
  if (!stableUnits) {
    stableUnits = new Uint8Array(0x10000);
    for (let u = 0; u < 0x10000; u += 1) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const ch = String.fromCharCode(u);
      if (ch.normalize('NFKC').toLowerCase() === ch) stableUnits[u] = 1;
    }
  }
  return stableUnits[unit] === 1;
}

/**
 * The text normalised like the index (NFKC, lower case) and, for each piece, where it starts in the normalised
 * and in the original text. Runs of unchanged characters are one piece each; a character that changes (a
 * full-width comma, a capital, a ligature) is a piece of its own that maps as a whole.
 */
type Normalised = { haystack: string; normStarts: number[]; origStarts: number[]; isRun: boolean[] };

function normalise(text: string): Normalised {
  const pieces: string[] = [];
  const normStarts: number[] = [];
  const origStarts: number[] = [];
  const isRun: boolean[] = [];
  let normLength = 0;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && isStable(text.charCodeAt(j))) j += 1;
    const run = j > i;
    let piece: string;
    if (run) {
      piece = text.slice(i, j);
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      j = i + ch.length;
      piece = ch.normalize('NFKC').toLowerCase();
    }
    pieces.push(piece);
    normStarts.push(normLength);
    origStarts.push(i);
    isRun.push(run);
    normLength += piece.length;
    i = j;
  }
  return { haystack: pieces.join(''), normStarts, origStarts, isRun };
}

/** The original index of a normalised offset: exact inside a run; a changed character's start or end. */
function originOf(n: Normalised, offset: number, textLength: number, side: 'start' | 'end'): number {
  if (offset >= n.haystack.length) return textLength;
  let lo = 0;
  let hi = n.normStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.normStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const inside = offset - n.normStarts[lo];
  if (n.isRun[lo]) return n.origStarts[lo] + inside;
  if (inside === 0 || side === 'start') return n.origStarts[lo];
  return lo + 1 < n.origStarts.length ? n.origStarts[lo + 1] : textLength;
}

/**
 * Where the terms occur in the text, as [start, end) ranges of UTF-16 indexes into the original,
 * compared after the same normalisation as the index (NFKC, lower case), overlaps merged.
 */
export function findTermRanges(text: string, terms: string[]): Range[] {
  const normalised = normalise(text);
  const { haystack } = normalised;
  const ranges: Range[] = [];
  for (const term of terms.filter(Boolean)) {
    let at = haystack.indexOf(term);
    while (at !== -1) {
      const start = originOf(normalised, at, text.length, 'start');
      const end = originOf(normalised, at + term.length, text.length, 'end');
      ranges.push([start, Math.max(end, start + 1)]);
      at = haystack.indexOf(term, at + Math.max(term.length, 1));
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The text with every term wrapped in <mark>, all escaped. */
export function highlight(text: string, terms: string[]): string {
  return markRanges(text, findTermRanges(text, terms), 0, text.length);
}

function markRanges(text: string, ranges: Range[], from: number, to: number): string {
  let html = '';
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    html += escapeHtml(text.slice(cursor, s)) + `<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    cursor = e;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/**
 * About `length` characters of the text around the first place where a term occurs (the start of
 * the text when none does), whitespace collapsed, with the terms marked and "…" where text was cut.
 */
export function snippet(text: string, terms: string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = findTermRanges(flat, terms);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(length / 4));
  const to = Math.min(flat.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(flat[from])) from -= 1;
  const end = to < flat.length && /[\uD800-\uDBFF]/.test(flat[to - 1]) ? to + 1 : to;
  return `${from > 0 ? '…' : ''}${markRanges(flat, ranges, from, end)}${end < flat.length ? '…' : ''}`;
}

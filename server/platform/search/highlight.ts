/**
 * Highlighted snippets for search results, made from the stored plain text (not from the tokens), so
 * they read as the original. Output is HTML: every piece of text is escaped and only <mark> is added.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Range = [number, number];

/**
 * Where the terms occur in the text, as [start, end) ranges of UTF-16 indexes into the original,
 * compared after the same normalisation as the index (NFKC, lower case), overlaps merged.
 */
export function findTermRanges(text: string, terms: string[]): Range[] {
  const normalized: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    for (const unit of ch.normalize('NFKC').toLowerCase()) {
      normalized.push(unit);
      origin.push(index);
    }
    index += ch.length;
  }
  const haystack = normalized.join('');
  const offsets: number[] = [];
  let offset = 0;
  for (const unit of normalized) {
    offsets.push(offset);
    offset += unit.length;
  }
  const byOffset = new Map(offsets.map((o, i) => [o, i]));
  const ranges: Range[] = [];
  for (const term of terms.filter(Boolean)) {
    let at = haystack.indexOf(term);
    while (at !== -1) {
      const first = byOffset.get(at);
      const last = byOffset.get(at + term.length);
      if (first != null) {
        const end = last == null ? text.length : origin[last];
        ranges.push([origin[first], Math.max(end, origin[first] + 1)]);
      }
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

/**
 * Figure references in a narrative: {{indicator.id}} prints the figure with its unit (3314件, 99.6%).
 * Modifiers: `:approx` prints the rounded-down form reports use for large counts (300余次, 3万余件,
 * 1.1万余条); `:bare` leaves the unit to the text ("全县{{id:bare}}名负责人", "{{id:approx:bare}}场次").
 * The value itself always comes from the indicator, never from the text.
 */
export type FigureFormat = { isApprox: boolean; isBare: boolean };

export type Reference = { indicatorId: string; format: FigureFormat };

const REFERENCE = /\{\{\s*([A-Za-z][\w.]*)((?::(?:approx|bare))*)\s*\}\}/g;

function formatOf(modifiers: string): FigureFormat {
  const names = modifiers.split(':');
  return { isApprox: names.includes('approx'), isBare: names.includes('bare') };
}

export type Segment = { text: string } | { reference: Reference; token: string };

/** Splits a paragraph into text and references, in order. */
export function segmentsOf(paragraph: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(REFERENCE)) {
    if (match.index > last) segments.push({ text: paragraph.slice(last, match.index) });
    segments.push({ token: match[0], reference: { indicatorId: match[1], format: formatOf(match[2]) } });
    last = match.index + match[0].length;
  }
  if (last < paragraph.length) segments.push({ text: paragraph.slice(last) });
  return segments;
}

/** The references of a text, each indicator once (with the format of its first use), in order. */
export function citedReferences(text: string): Reference[] {
  const seen = new Map<string, Reference>();
  for (const segment of segmentsOf(text)) if ('reference' in segment && !seen.has(segment.reference.indicatorId)) seen.set(segment.reference.indicatorId, segment.reference);
  return [...seen.values()];
}

/** The token for a figure, as the editor inserts it. */
export function figureToken(indicatorId: string, format: FigureFormat): string {
  const modifiers = `${format.isApprox ? ':approx' : ''}${format.isBare ? ':bare' : ''}`;
  return `{{${indicatorId}${modifiers}}}`;
}

/** Every indicator id referenced anywhere in the texts, each once, in order of appearance. */
export function referencedIds(texts: string[]): string[] {
  const ids = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(REFERENCE)) ids.add(match[1]);
  return [...ids];
}

/** A figure as the report prints it. Percentages keep the one rounding rule of the indicators (half-up, one decimal). */
export function formatFigure(value: number, unit: string, format: FigureFormat = { isApprox: false, isBare: false }): string {
  if (unit === '%') return `${trimNumber(value)}${format.isBare ? '' : '%'}`;
  return `${format.isApprox ? approximate(value) : trimNumber(value)}${format.isBare ? '' : unit}`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** 312 → 300余, 53 → 50余, 11280 → 1.1万余, 30126 → 3万余; a value that is already round stays exact. */
function approximate(value: number): string {
  if (value >= 10000) {
    const tenThousands = Math.floor(value / 1000) / 10;
    return tenThousands * 10000 === value ? `${tenThousands}万` : `${tenThousands}万余`;
  }
  if (value < 20) return trimNumber(value);
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const rounded = Math.floor(value / magnitude) * magnitude;
  return rounded === value ? String(value) : `${rounded}余`;
}

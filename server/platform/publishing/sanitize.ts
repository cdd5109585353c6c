import sanitizeHtml from 'sanitize-html';

/**
 * The rich-text subset an item body may use: paragraphs, headings, emphasis, lists, quotations, tables
 * and links (http, https, mailto). Everything else — scripts, styles, event handlers (on*), inline
 * style, iframes, forms, images from other sites — is dropped on save, so the stored HTML is safe to
 * serve as is (the portal's CSP forbids inline scripts besides).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'h5', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
    'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'a', 'span',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    // rel is always replaced by the transform below.
    a: ['href', 'title', 'rel'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    p: ['class'],
  },
  // Centred and right-aligned paragraphs (公文 titles, signatures) without inline style.
  allowedClasses: { p: ['align-center', 'align-right'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    // An h1 belongs to the page; in a body it becomes the next level down.
    h1: 'h2',
  },
};

export const MAX_BODY_CHARS = 200_000;

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|pre|tr|caption|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;
const CELL_END = /<\/(td|th)>/gi;

/** Plain text of sanitised HTML, one line per block, for search and snippets. */
export function bodyText(safeHtml: string): string {
  const marked = safeHtml.replace(BLOCK_END, (tag) => `${tag}\n`).replace(CELL_END, (tag) => `${tag} `);
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

import path from 'node:path';

const MAX_NAME_LENGTH = 200;
const FALLBACK_NAME = '未命名文件';

/**
 * A file name safe to store and to send back: the last path segment only (no traversal), no control or
 * bidirectional-override characters (which disguise "exe.pdf" as "fdp.exe"), none of the characters
 * Windows forbids, no leading or trailing dots and spaces, at most 200 characters with the extension kept.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) return FALLBACK_NAME;
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = path.extname(cleaned);
  const keep = [...extension].length <= 20 ? extension : '';
  return chars.slice(0, MAX_NAME_LENGTH - [...keep].length).join('') + keep;
}

/** The lower-case extension without the dot, or null. */
export function extensionOf(name: string): string | null {
  const extension = path.extname(name).slice(1).toLowerCase();
  return extension || null;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback for old clients plus the real name
 * as filename*=UTF-8''… (RFC 5987), so Chinese names arrive intact.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

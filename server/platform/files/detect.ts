import { isZip, listZipEntries, readZipEntry } from './zip-reader.ts';

/** A type we accept, recognised by its content; `extensions` are the names it may carry. */
export type FileType = { key: string; mime: string; label: string; extensions: readonly string[] };

const type = (key: string, mime: string, label: string, extensions: string[]): FileType => ({ key, mime, label, extensions });

export const FILE_TYPES = {
  pdf: type('pdf', 'application/pdf', 'PDF 文档', ['pdf']),
  png: type('png', 'image/png', 'PNG 图片', ['png']),
  jpeg: type('jpeg', 'image/jpeg', 'JPEG 图片', ['jpg', 'jpeg', 'jpe']),
  gif: type('gif', 'image/gif', 'GIF 图片', ['gif']),
  webp: type('webp', 'image/webp', 'WebP 图片', ['webp']),
  docx: type('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档（docx）', ['docx']),
  xlsx: type('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 表格（xlsx）', ['xlsx']),
  pptx: type('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint 演示文稿（pptx）', ['pptx']),
  doc: type('doc', 'application/msword', 'Word 文档（doc）', ['doc']),
  xls: type('xls', 'application/vnd.ms-excel', 'Excel 表格（xls）', ['xls']),
  ofd: type('ofd', 'application/ofd', 'OFD 版式文档', ['ofd']),
  text: type('text', 'text/plain', '纯文本', ['txt', 'text', 'log']),
  csv: type('csv', 'text/csv', 'CSV 表格', ['csv']),
} as const;

const OOXML_MAIN: [string, FileType][] = [
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', FILE_TYPES.docx],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', FILE_TYPES.xlsx],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', FILE_TYPES.pptx],
];

const startsWith = (buffer: Buffer, bytes: number[], offset = 0): boolean =>
  buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * What the bytes are, ignoring the name: magic numbers for binary formats, the package's own parts for
 * ZIP-based ones (OOXML's [Content_Types].xml main part, OFD's OFD.xml), the directory's stream names
 * for OLE2 (.doc/.xls), and strict UTF-8 without NUL for text. Null when it is none of the accepted types
 * (macro-enabled Office files, other archives, executables, HTML, …).
 */
export function detectFileType(buffer: Buffer, extension: string | null): FileType | null {
  if (startsWith(buffer, ascii('%PDF-'))) return FILE_TYPES.pdf;
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpeg;
  if (startsWith(buffer, ascii('GIF87a')) || startsWith(buffer, ascii('GIF89a'))) return FILE_TYPES.gif;
  if (startsWith(buffer, ascii('RIFF')) && startsWith(buffer, ascii('WEBP'), 8)) return FILE_TYPES.webp;
  if (isZip(buffer)) return detectZipPackage(buffer);
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle2(buffer);
  if (isPlainUtf8Text(buffer)) return extension === 'csv' ? FILE_TYPES.csv : FILE_TYPES.text;
  return null;
}

function detectZipPackage(buffer: Buffer): FileType | null {
  const names = listZipEntries(buffer)?.map((e) => e.name) ?? [];
  if (names.includes('OFD.xml')) return FILE_TYPES.ofd;
  if (!names.includes('[Content_Types].xml')) return null;
  const contentTypes = readZipEntry(buffer, '[Content_Types].xml', 1024 * 1024)?.toString('utf8') ?? '';
  const found = OOXML_MAIN.find(([main]) => contentTypes.includes(`"${main}"`));
  return found ? found[1] : null;
}

/**
 * OLE2 compound files hold Word 97 documents (a "WordDocument" stream), Excel workbooks ("Workbook",
 * or "Book" before Excel 97) and much else (PowerPoint, Outlook messages, installers). Directory
 * entries are 128 bytes in sectors after the 512-byte header: name in UTF-16LE, its byte length at
 * 64, object type 2 (stream) at 66.
 */
function detectOle2(buffer: Buffer): FileType | null {
  const sectorShift = buffer.length >= 512 ? buffer.readUInt16LE(30) : 0;
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const streams = new Set<string>();
  for (let at = sectorSize; at + 128 <= buffer.length; at += 128) {
    const nameBytes = buffer.readUInt16LE(at + 64);
    if (buffer[at + 66] !== 2 || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    const name = buffer.toString('utf16le', at, at + nameBytes - 2);
    if (name === 'WordDocument' || name === 'Workbook' || name === 'Book') streams.add(name);
  }
  if (streams.has('WordDocument')) return FILE_TYPES.doc;
  if (streams.has('Workbook') || streams.has('Book')) return FILE_TYPES.xls;
  return null;
}

function isPlainUtf8Text(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

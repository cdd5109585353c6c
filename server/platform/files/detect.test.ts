import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from '../documents/render.ts';
import { detectFileType } from './detect.ts';
import { contentDisposition, sanitizeFileName } from './names.ts';
import { checkFileType } from './store.ts';

/** An OLE2 compound file header and one directory sector holding the root and one named stream. */
function ole2(streamName: string): Buffer {
  const buffer = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buffer, 0);
  buffer.writeUInt16LE(9, 30);
  const entry = (at: number, name: string, type: number) => {
    buffer.write(`${name}\0`, at, 'utf16le');
    buffer.writeUInt16LE((name.length + 1) * 2, at + 64);
    buffer[at + 66] = type;
  };
  entry(512, 'Root Entry', 5);
  entry(640, streamName, 2);
  return buffer;
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x.xml" ContentType="${main}"/></Types>`;

describe('detectFileType', () => {
  it('recognises images and PDF by their magic numbers', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n'), 'pdf')?.key).toBe('pdf');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), null)?.key).toBe('jpeg');
    expect(detectFileType(Buffer.from('GIF89a\x01\x00'), null)?.key).toBe('gif');
    expect(detectFileType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), null)?.key).toBe('webp');
    expect(detectFileType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]), null)).toBeNull();
  });

  it('tells Word from Excel in OLE2 files and refuses other compound files', () => {
    expect(detectFileType(ole2('WordDocument'), 'doc')?.key).toBe('doc');
    expect(detectFileType(ole2('Workbook'), 'xls')?.key).toBe('xls');
    expect(detectFileType(ole2('PowerPoint Document'), 'ppt')).toBeNull();
  });

  it('reads the package parts of OOXML and OFD archives', async () => {
    const main = 'application/vnd.openxmlformats-officedocument';
    expect(detectFileType(await zipOf({ '[Content_Types].xml': contentTypes(`${main}.spreadsheetml.sheet.main+xml`) }), 'xlsx')?.key).toBe('xlsx');
    expect(detectFileType(await zipOf({ '[Content_Types].xml': contentTypes(`${main}.presentationml.presentation.main+xml`) }), 'pptx')?.key).toBe('pptx');
    expect(detectFileType(await renderOfficialDocument({ title: '通知', issuingOrgName: '示例县人民政府', blocks: [], signature: '示例县人民政府', date: '2024-01-02' }), 'docx')?.key).toBe('docx');
    expect(detectFileType(await zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<x/>' }), 'ofd')?.key).toBe('ofd');
  });

  it('refuses macro-enabled Office files and plain archives', async () => {
    const docm = await zipOf({ '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml') });
    expect(detectFileType(docm, 'docx')).toBeNull();
    expect(detectFileType(await zipOf({ 'a.txt': 'hello' }), 'zip')).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04broken'), 'docx')).toBeNull();
  });

  it('takes valid UTF-8 without NUL as text, CSV by its extension', () => {
    expect(detectFileType(Buffer.from('\ufeff编号,名称\n1,甲\n'), 'csv')?.key).toBe('csv');
    expect(detectFileType(Buffer.from('说明'), 'txt')?.key).toBe('text');
    expect(detectFileType(Buffer.from([0x61, 0x00, 0x62]), 'txt')).toBeNull();
    expect(detectFileType(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 'txt')).toBeNull();
  });

  it('insists that the extension agrees with the content', () => {
    expect(checkFileType(Buffer.from('%PDF-1.7'), 'a.PDF').key).toBe('pdf');
    expect(checkFileType(Buffer.from('%PDF-1.7'), '无扩展名').key).toBe('pdf');
    expect(() => checkFileType(Buffer.from('%PDF-1.7'), 'a.docx')).toThrow(/PDF 文档.*\.docx/);
    expect(() => checkFileType(Buffer.from('alert(1)'), 'a.js')).toThrow(/纯文本.*\.js/);
  });
});

describe('file names', () => {
  it('sanitises traversal, control characters, reserved characters and length', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\张三\\证据.pdf')).toBe('证据.pdf');
    expect(sanitizeFileName('..')).toBe('未命名文件');
    expect(sanitizeFileName('  .hidden. ')).toBe('hidden');
    expect(sanitizeFileName('a\u0000b\u001fc\u202ed.pdf')).toBe('abcd.pdf');
    expect(sanitizeFileName('what?<is>*this|".txt')).toBe('what__is__this__.txt');
    const long = sanitizeFileName(`${'证'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('sends the name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('受理通知书.docx')).toBe(
      `attachment; filename="_____.docx"; filename*=UTF-8''%E5%8F%97%E7%90%86%E9%80%9A%E7%9F%A5%E4%B9%A6.docx`,
    );
    expect(contentDisposition(`a"b'c.pdf`)).toBe(`attachment; filename="a_b'c.pdf"; filename*=UTF-8''a%22b%27c.pdf`);
  });
});

import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatChineseDate, mmToTwips, textWidthInChars } from './layout.ts';
import { renderOfficialDocument } from './render.ts';
import type { OfficialDocumentSpec } from './spec.ts';

const SPEC: OfficialDocumentSpec = {
  title: '关于受理行政复议申请的通知',
  docNumber: '示府复决〔2024〕3号',
  issuingOrgName: '示例县人民政府',
  recipient: '示例县市场监督管理局',
  blocks: [
    { type: 'paragraph', text: '根据《中华人民共和国行政复议法》第三十条的规定，本机关决定受理。' },
    { type: 'heading', level: 1, title: '基本情况' },
    { type: 'heading', level: 2, title: '申请人情况' },
    { type: 'heading', level: 3, title: '姓名。', text: '张三。' },
    { type: 'heading', level: 4, title: '住址。', text: '示例县东城镇。' },
    { type: 'heading', level: 2, title: '被申请人情况' },
    { type: 'heading', level: 1, title: '有关要求' },
    { type: 'table', hasHeaderRow: true, rows: [['序号', '材料名称'], ['1', '行政复议申请书']] },
  ],
  attachments: ['行政复议申请书副本', '证据材料清单'],
  signature: '示例县人民政府',
  date: '2024-03-05',
  footnote: '此件公开发布',
  copyTo: ['县司法局', '县人民法院'],
};

async function unpack(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = await zip.file(name)!.async('string');
  }
  return files;
}

/** Throws on malformed XML; returns the concatenated text of the w:t elements. */
function parseXml(xml: string): string {
  const parser = new SaxesParser();
  let text = '';
  let isInText = false;
  parser.on('opentag', (tag) => { isInText = tag.name === 'w:t'; });
  parser.on('closetag', () => { isInText = false; });
  parser.on('text', (t) => { if (isInText) text += t; });
  parser.write(xml).close();
  return text;
}

const attr = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('renderOfficialDocument (GB/T 9704-2012)', () => {
  it('produces a valid Word package with the title, number and body text', async () => {
    const files = await unpack(await renderOfficialDocument(SPEC));
    expect(files['[Content_Types].xml']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    const text = parseXml(files['word/document.xml']);
    expect(text).toContain('示例县人民政府文件');
    expect(text).toContain('关于受理行政复议申请的通知');
    expect(text).toContain('示府复决〔2024〕3号');
    expect(text).toContain('示例县市场监督管理局：');
    expect(text).toContain('本机关决定受理');
    expect(text).toContain('2024年3月5日');
    expect(text).toContain('（此件公开发布）');
    expect(text).toContain('抄送：县司法局，县人民法院。');
    expect(text).toContain('附件：1.行政复议申请书副本');
  });

  it('numbers headings per level and restarts deeper levels', async () => {
    const text = parseXml((await unpack(await renderOfficialDocument(SPEC)))['word/document.xml']);
    expect(text).toContain('一、基本情况');
    expect(text).toContain('（一）申请人情况');
    expect(text).toContain('1.姓名。张三。');
    expect(text).toContain('（1）住址。');
    expect(text).toContain('（二）被申请人情况');
    expect(text).toContain('二、有关要求');
  });

  it('sets A4, the 37/28/35/26 mm margins and a 22-line grid', async () => {
    const xml = (await unpack(await renderOfficialDocument(SPEC)))['word/document.xml'];
    expect(attr(xml, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(xml, 'w:pgSz', 'w:h')).toBe('16838');
    const margin = (side: string) => Number(attr(xml, 'w:pgMar', `w:${side}`));
    expect(margin('top')).toBe(mmToTwips(37));
    expect(margin('left')).toBe(mmToTwips(28));
    expect(margin('bottom')).toBe(mmToTwips(35));
    expect(margin('right')).toBe(mmToTwips(26));
    // 版心 156 × 225 mm within ±1 twip of rounding.
    expect(Math.abs(11906 - margin('left') - margin('right') - mmToTwips(156))).toBeLessThanOrEqual(1);
    expect(Math.abs(16838 - margin('top') - margin('bottom') - mmToTwips(225))).toBeLessThanOrEqual(1);
    const pitch = Number(attr(xml, 'w:docGrid', 'w:linePitch'));
    expect(pitch * 22).toBeLessThanOrEqual(16838 - margin('top') - margin('bottom'));
    expect(pitch / 20).toBeCloseTo(28.95, 0);
  });

  it('fits 28 characters of 三号仿宋 on a line', async () => {
    const styles = (await unpack(await renderOfficialDocument(SPEC)))['word/styles.xml'];
    const spacing = Number(attr(styles, 'w:spacing', 'w:val'));
    expect(attr(styles, 'w:sz', 'w:val')).toBe('32');
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(11906 - mmToTwips(28) - mmToTwips(26));
    expect(27 * (320 + spacing)).toBeLessThan(11906 - mmToTwips(28) - mmToTwips(26) - 300);
  });

  it('uses 仿宋_GB2312 for the body and 方正小标宋简体 二号 for the title', async () => {
    const files = await unpack(await renderOfficialDocument(SPEC));
    expect(files['word/styles.xml']).toContain('w:eastAsia="仿宋_GB2312"');
    const xml = files['word/document.xml'];
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?关于受理行政复议申请的通知/);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('puts “— n —” page numbers in 宋体 四号, odd pages right and even pages left', async () => {
    const files = await unpack(await renderOfficialDocument(SPEC));
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const targets = new Map(
      [...files['word/_rels/document.xml.rels'].matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
        /Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1],
      ]),
    );
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(files['word/document.xml'])![1];
      return files[`word/${targets.get(id)}`];
    };
    const odd = target('default');
    const even = target('even');
    for (const footer of [odd, even]) {
      expect(parseXml(footer)).toMatch(/^— .*—$/);
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(attr(odd, 'w:jc', 'w:val')).toBe('right');
    expect(attr(odd, 'w:ind', 'w:right')).toBe('280');
    expect(attr(even, 'w:jc', 'w:val')).toBe('left');
    expect(attr(even, 'w:ind', 'w:left')).toBe('280');
  });

  it('lays out the instrument form with the number right-aligned under the title and no red masthead', async () => {
    const files = await unpack(await renderOfficialDocument({ ...SPEC, layout: 'instrument', title: '行政复议受理通知书' }));
    const xml = files['word/document.xml'];
    expect(xml).not.toContain('FF0000');
    expect(parseXml(xml)).toMatch(/^示例县人民政府行政复议受理通知书示府复决〔2024〕3号/);
  });
});

describe('document text helpers', () => {
  it('writes dates without padding and numerals in Chinese', () => {
    expect(formatChineseDate('2024-03-05')).toBe('2024年3月5日');
    expect(formatChineseDate('2024-10-18')).toBe('2024年10月18日');
    expect(() => formatChineseDate('2024-3-5')).toThrow();
    expect([1, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九']);
    expect(textWidthInChars('2024年3月5日')).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { indexTokens, splitRuns } from './tokenize.ts';
import { parseQuery, toFts5Match, toTsQuery } from './query.ts';
import { escapeHtml, highlight, snippet } from './highlight.ts';

describe('index tokens', () => {
  it('indexes jieba words, every bigram and every character of Chinese text', () => {
    const tokens = indexTokens('行政复议决定书', '');
    expect(tokens.titleWords.split(' ')).toEqual(expect.arrayContaining(['行政', '复议', '行政复议', '决定', '决定书']));
    expect(tokens.grams.split(' ')).toEqual(['行政', '政复', '复议', '议决', '决定', '定书']);
    expect(tokens.chars.split(' ')).toEqual([...'行政复议决定书']);
  });

  it('keeps only letters and digits, normalised to half width and lower case', () => {
    const tokens = indexTokens('', '关于《ＡＢＣ-2024》的通知！');
    expect(tokens.bodyWords.split(' ')).toEqual(expect.arrayContaining(['关于', 'abc', '2024', '通知']));
    expect(tokens.bodyWords).not.toMatch(/[《》！\-]/);
  });

  it('splits runs at script changes so no token mixes Chinese and other letters', () => {
    expect(splitRuns('第12号abc令')).toEqual([
      { text: '第', isHan: true }, { text: '12', isHan: false }, { text: '号', isHan: true },
      { text: 'abc', isHan: false }, { text: '令', isHan: true },
    ]);
  });
});

describe('queries', () => {
  it('cuts a Chinese query into words that must all match', () => {
    expect(parseQuery('行政复议决定').map((t) => t.text)).toEqual(['行政复议', '决定']);
    expect(parseQuery('复议').map((t) => t.text)).toEqual(['复议']);
    expect(parseQuery('  复 ').map((t) => t.text)).toEqual(['复']);
  });

  it('drops one-character function words only when other terms remain', () => {
    expect(parseQuery('县政府的通知').map((t) => t.text)).not.toContain('的');
    expect(parseQuery('的').map((t) => t.text)).toEqual(['的']);
  });

  it('ignores punctuation and operator characters of both backends', () => {
    expect(parseQuery('"复议" OR * NEAR( ) \' & | ! <->')).toEqual([
      { text: '复议', isHan: true }, { text: 'or', isHan: false }, { text: 'near', isHan: false },
    ]);
    expect(parseQuery('《》、！？')).toEqual([]);
  });

  it('matches words, or bigrams for longer words, or characters for one-character terms', () => {
    const terms = parseQuery('行政复议 复 abc');
    expect(toFts5Match(terms)).toBe('(grams : ("行政" AND "政复" AND "复议")) AND (chars : "复") AND ({title_words body_words} : "abc"*)');
    expect(toTsQuery(terms)).toBe("('行政':C & '政复':C & '复议':C) & '复':D & 'abc':*AB");
  });
});

describe('snippets', () => {
  it('marks the terms and escapes everything else', () => {
    expect(highlight('<b>行政复议</b>决定书', ['复议'])).toBe('&#60;b&#62;行政<mark>复议</mark>&#60;/b&#62;决定书');
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });

  it('matches full-width and upper-case text as the index does', () => {
    expect(highlight('ＡＢＣ公司', ['abc'])).toBe('<mark>ＡＢＣ</mark>公司');
    expect(highlight('决定，Ａ类𠀀字', [',a', '𠀀'])).toBe('决定<mark>，Ａ</mark>类<mark>𠀀</mark>字');
  });

  it('marks a whole character whose normal form is longer when a term covers part of it', () => {
    // ﬁ is "fi" in the index; a match ending inside it marks all of it, never half a character.
    expect(highlight('aﬁx', ['af'])).toBe('<mark>aﬁ</mark>x');
    expect(highlight('第Ⅻ条', ['xii'])).toBe('第<mark>Ⅻ</mark>条');
  });

  it('cuts a window around the first match', () => {
    const text = `${'甲'.repeat(200)}行政复议决定书${'乙'.repeat(200)}`;
    const html = snippet(text, ['复议'], 60);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('行政<mark>复议</mark>决定书');
    expect(html.replace(/<\/?mark>|…/g, '')).toHaveLength(60);
  });
});

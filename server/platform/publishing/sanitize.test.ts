import { describe, expect, it } from 'vitest';
import { bodyText, sanitizeBody } from './sanitize.ts';

describe('item body sanitiser', () => {
  it('strips scripts, styles and event handlers', () => {
    const html = sanitizeBody('<p onclick="alert(1)" style="color:red">正文<script>alert(2)</script></p><style>p{}</style><img src=x onerror=alert(3)>');
    expect(html).toBe('<p>正文</p>');
  });

  it('drops javascript: and data: links but keeps http links, with a safe rel', () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">坏</a>')).toBe('<a rel="noopener noreferrer">坏</a>');
    expect(sanitizeBody('<a href="data:text/html,x">坏</a>')).toBe('<a rel="noopener noreferrer">坏</a>');
    expect(sanitizeBody('<a href="https://www.gov.cn/" rel="opener" target="_blank">国务院</a>'))
      .toBe('<a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a>');
  });

  it('keeps the document subset: headings, lists, tables, alignment classes', () => {
    const html = '<h2>一、总体情况</h2><ol><li>第一</li></ol><table><tbody><tr><td colspan="2">合计</td></tr></tbody></table><p class="align-center evil">标题</p>';
    expect(sanitizeBody(html)).toBe('<h2>一、总体情况</h2><ol><li>第一</li></ol><table><tbody><tr><td colspan="2">合计</td></tr></tbody></table><p class="align-center">标题</p>');
    expect(sanitizeBody('<h1>大标题</h1>')).toBe('<h2>大标题</h2>');
  });

  it('removes iframes, forms and their content', () => {
    expect(sanitizeBody('<iframe src="https://x"></iframe><form><input name=a></form><p>留下</p>')).toBe('<p>留下</p>');
  });

  it('escapes text that only looks like markup', () => {
    expect(sanitizeBody('1 &lt; 2 &amp; <b>3</b>')).toBe('1 &lt; 2 &amp; <b>3</b>');
  });

  it('turns the body into plain text, one line per block', () => {
    expect(bodyText(sanitizeBody('<p>第一段&amp;</p><p>第二段<br>续行</p><table><tr><td>甲</td><td>乙</td></tr></table>')))
      .toBe('第一段&\n第二段\n续行\n甲 乙');
  });
});

import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { contentProblems, type ReportContent } from './content.ts';
import { formatFigure, referencedIds, segmentsOf } from '../../common/figure-references.ts';
import { availableActions, REPORT_ACTIONS, type ReportAction } from './workflow.ts';
import type { FigureSet } from './figures.ts';

const figure = (indicatorId: string, value: number | null, unit = '件', source: 'computed' | 'entered' | 'missing' = 'computed') =>
  ({ indicatorId, title: indicatorId, unit, value, source, recordsUrl: null });

describe('figure references', () => {
  it('splits a paragraph into text and references, exact, approximate or without unit', () => {
    expect(segmentsOf('调处{{mediation.handled}}，咨询{{legality.consultations:approx}}，培训{{t.x:approx:bare}}场次。')).toEqual([
      { text: '调处' },
      { token: '{{mediation.handled}}', reference: { indicatorId: 'mediation.handled', format: { isApprox: false, isBare: false } } },
      { text: '，咨询' },
      { token: '{{legality.consultations:approx}}', reference: { indicatorId: 'legality.consultations', format: { isApprox: true, isBare: false } } },
      { text: '，培训' },
      { token: '{{t.x:approx:bare}}', reference: { indicatorId: 't.x', format: { isApprox: true, isBare: true } } },
      { text: '场次。' },
    ]);
    expect(referencedIds(['{{a.b}}{{c.d}}', '{{a.b:approx}}'])).toEqual(['a.b', 'c.d']);
  });

  it('prints figures the way reports do', () => {
    const approx = { isApprox: true, isBare: false };
    expect(formatFigure(3314, '件')).toBe('3314件');
    expect(formatFigure(99.6, '%')).toBe('99.6%');
    expect(formatFigure(129, '人', { isApprox: false, isBare: true })).toBe('129');
    expect(formatFigure(312, '次', approx)).toBe('300余次');
    expect(formatFigure(53, '篇', approx)).toBe('50余篇');
    expect(formatFigure(53, '次', { isApprox: true, isBare: true })).toBe('50余');
    expect(formatFigure(30126, '件', approx)).toBe('3万余件');
    expect(formatFigure(11280, '条', approx)).toBe('1.1万余条');
    // A round or small value has nothing to round away.
    expect(formatFigure(300, '次', approx)).toBe('300次');
    expect(formatFigure(17, '次', approx)).toBe('17次');
  });
});

describe('composing a report', () => {
  const content: ReportContent = {
    title: '报告', recipient: '', preamble: '',
    parts: [
      { key: 'measures', title: '举措', body: '', subsections: [{ title: '调解', body: '调处{{m.handled}}，成功率{{m.rate}}。\n合同{{l.contracts}}。' }] },
      { key: 'shortcomings', title: '不足', body: '不足。', subsections: [] },
      { key: 'duties', title: '职责', body: '', subsections: [] },
      { key: 'plans', title: '安排', body: '安排。', subsections: [] },
    ],
  };
  const figures: FigureSet = { 'm.handled': figure('m.handled', 3314), 'm.rate': figure('m.rate', 99.6, '%'), 'l.contracts': figure('l.contracts', null, '件', 'missing') };

  it('resolves references, lists the figures cited and names the missing ones', () => {
    const report = composeReport(content, figures);
    expect(report.parts[0].subsections[0].paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual(['调处3314件，成功率99.6%。', '合同【l.contracts：暂无数据】。']);
    expect(report.figures.map((f) => f.indicatorId)).toEqual(['m.handled', 'm.rate', 'l.contracts']);
    expect(report.problems).toEqual(['“l.contracts”没有数据：平台尚无相应记录，也没有审核通过的填报数据']);
  });

  it('requires the four mandatory contents and lets 其他 stay empty', () => {
    expect(contentProblems(content)).toEqual(['“职责”部分尚未填写']);
  });
});

describe('report workflow', () => {
  it('offers each action only in its states and to its permission', () => {
    const everything = () => true;
    expect(availableActions('draft', everything)).toEqual(['edit', 'submit']);
    expect(availableActions('reviewing', everything)).toEqual(['approve', 'return']);
    expect(availableActions('approved', everything)).toEqual(['return', 'sign']);
    expect(availableActions('signed', everything)).toEqual(['publish']);
    expect(availableActions('published', everything)).toEqual([]);
    expect(availableActions('approved', (p) => p === 'report.sign')).toEqual(['sign']);
    const walk: ReportAction[] = ['submit', 'approve', 'sign', 'publish'];
    let state = 'draft';
    for (const action of walk) {
      expect(REPORT_ACTIONS[action].from).toContain(state);
      state = REPORT_ACTIONS[action].to;
    }
    expect(state).toBe('published');
  });
});

/** Shapes of the statistics, template and annual-report endpoints (server/platform/indicators, numbering, documents; disclosure/annual-report). */

export type DocNumberFormat = { orgId: number | null; kind: string; prefix: string; pattern: string };

export type DocNumberFormatRow = DocNumberFormat & { id: number; orgName: string | null; example: string; updatedAt: string };

export type DocNumberSeries = { kind: string; titles: string[] };

export type DocNumberFormats = { items: DocNumberFormatRow[]; kinds: DocNumberSeries[]; defaultPattern: string };

export type TemplateOverride = { orgId: number | null; orgName: string; text: string; updatedAt: string };

export type TemplateText = { slot: string; title: string; defaultText: string; overrides: TemplateOverride[] };

export type TemplateKind = { kind: string; title: string; texts: TemplateText[] };

/** The passage being reworded, and for which organisation (null: all). */
export type TemplateTarget = { kind: string; kindTitle: string; text: TemplateText; orgId: number | null };

/** computed: 平台统计 from the records; entered: 填报 and approved; missing: 未提供. */
export type FigureSource = 'computed' | 'entered' | 'missing';

export type Indicator = {
  id: string;
  title: string;
  unit: string;
  group: string;
  description: string;
  source: FigureSource;
  value: number | null;
  numerator?: number;
  denominator?: number;
  breakdown?: { label: string; value: number }[];
  /** The case list (GET /api/cases/…) that shows the records behind the figure. */
  recordsUrl: string | null;
  entries?: { id: number; orgId: number; value: number; source: string }[];
};

export type IndicatorList = { year: number; org: number | null; items: Indicator[] };

export type EnteredStatus = 'submitted' | 'approved' | 'rejected';

export type EnteredFigure = {
  id: number;
  indicatorId: string;
  indicatorTitle: string;
  orgId: number;
  orgName: string | null;
  year: number;
  value: number;
  source: string;
  note: string | null;
  fileId: number | null;
  status: EnteredStatus;
  enteredAt: string;
  reviewedAt: string | null;
  reviewNote: string | null;
};

export type EnteredFigureInput = {
  indicatorId: string;
  orgId: number;
  year: number;
  value: number;
  source: string;
  note?: string;
  fileId?: number;
};

export type Table2Cell = { id: string; title: string; unit: string; value: number | null; source: FigureSource };

/** Table 3 columns: the six applicant kinds and 总计. */
export type Table3Column = 'natural_person' | 'commercial' | 'research' | 'public_welfare' | 'legal_service' | 'other' | 'total';

export type Table4Row = { upheld: number; corrected: number; other: number; pending: number; total: number };

export type DisclosureReport = {
  year: number;
  org: { id: number; name: string; kind: string } | null;
  deadline: string;
  table2: Table2Cell[];
  /** Rows keyed 一, 二, 三(一) … 三(七), 四 in the template's order. */
  table3: Record<string, Record<Table3Column, number>>;
  table4: { reconsideration: Table4Row; directSuit: Table4Row; suitAfterReview: Table4Row };
  problems: string[];
  unclassifiedCaseIds: number[];
  overview: string;
};

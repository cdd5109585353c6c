import type { StudyInput, ReportInput, OathInput, TrainingInput } from './schemas.ts';
import type { RegisterSpec, StoredRow } from './store.ts';
import { REPORT_FORMS, TRAINING_AUDIENCES, type ReportForm, type TrainingAudience } from './vocabulary.ts';

/** The four registers: their tables, columns and what a record shows. Listing, scope and audit are in store.ts. */
const text = (row: StoredRow, column: string) => String(row[column] ?? '');
const optionalText = (row: StoredRow, column: string) => (row[column] == null ? null : String(row[column]));
const list = (row: StoredRow, column: string) => JSON.parse(text(row, column) || '[]') as string[];

/** 会前学法: laws studied before a 常务会议 (or another meeting), at least one law each time. */
export const studySessions: RegisterSpec<StudyInput, {
  meeting: string; topics: string; laws: string[]; presenter: string | null;
}> = {
  path: 'study-sessions', table: 'leader_study_session', title: '会前学法记录', auditName: 'leadership.study_session',
  columns: (i) => ({ meeting: i.meeting, topics: i.topics, laws_json: JSON.stringify(i.laws), presenter: i.presenter }),
  view: (r) => ({ meeting: text(r, 'meeting'), topics: text(r, 'topics'), laws: list(r, 'laws_json'), presenter: optionalText(r, 'presenter') }),
  keywordColumns: ['meeting', 'topics', 'laws_json', 'presenter'],
  filterColumns: {},
};

/** 述法: one record per leader and report; the form (现场 / 书面) is what 现场述法 figures count. */
export const lawReports: RegisterSpec<ReportInput, {
  leaderName: string; position: string; form: ReportForm; formLabel: string; occasion: string | null; comments: string | null;
}> = {
  path: 'law-reports', table: 'leader_law_report', title: '述法记录', auditName: 'leadership.law_report',
  columns: (i) => ({ leader_name: i.leaderName, position: i.position, form: i.form, occasion: i.occasion, comments: i.comments }),
  view: (r) => {
    const form = text(r, 'form') as ReportForm;
    return {
      leaderName: text(r, 'leader_name'), position: text(r, 'position'), form, formLabel: REPORT_FORMS[form] ?? form,
      occasion: optionalText(r, 'occasion'), comments: optionalText(r, 'comments'),
    };
  },
  keywordColumns: ['leader_name', 'position', 'occasion', 'comments'],
  filterColumns: { form: 'form' },
};

/** 宪法宣誓: a ceremony with the number sworn; names are optional and may be partial. */
export const oaths: RegisterSpec<OathInput, {
  place: string; organiser: string; swornCount: number; names: string[]; basis: string;
}> = {
  path: 'oaths', table: 'constitution_oath', title: '宪法宣誓记录', auditName: 'leadership.oath',
  columns: (i) => ({ place: i.place, organiser: i.organiser, sworn_count: i.swornCount, names_json: JSON.stringify(i.names), basis: i.basis }),
  view: (r) => ({ place: text(r, 'place'), organiser: text(r, 'organiser'), swornCount: Number(r.sworn_count), names: list(r, 'names_json'), basis: text(r, 'basis') }),
  keywordColumns: ['place', 'organiser', 'names_json'],
  filterColumns: {},
};

/** 学法培训: sessions by audience; 行政执法人员 training is one audience. */
export const trainings: RegisterSpec<TrainingInput, {
  title: string; audience: TrainingAudience; audienceLabel: string; hours: number; participantCount: number; organiser: string;
}> = {
  path: 'trainings', table: 'law_training', title: '学法培训记录', auditName: 'leadership.training',
  columns: (i) => ({ title: i.title, audience: i.audience, hours: i.hours, participant_count: i.participantCount, organiser: i.organiser }),
  view: (r) => {
    const audience = text(r, 'audience') as TrainingAudience;
    return {
      title: text(r, 'title'), audience, audienceLabel: TRAINING_AUDIENCES[audience] ?? audience, hours: Number(r.hours),
      participantCount: Number(r.participant_count), organiser: text(r, 'organiser'),
    };
  },
  keywordColumns: ['title', 'organiser'],
  filterColumns: { audience: 'audience' },
};

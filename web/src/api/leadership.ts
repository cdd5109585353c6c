import { http, type Page } from './client.ts';

/**
 * 法治建设第一责任人 registers: 会前学法, 述法, 宪法宣誓, 学法培训 (/api/leadership/<register>). Records are
 * corrected (PUT with version) or voided with a reason (作废), never deleted.
 */
export type ReportForm = 'on_site' | 'written';
export type TrainingAudience = 'leading_cadres' | 'enforcement_officers' | 'public_servants' | 'other';

export const REPORT_FORM_LABELS: Record<ReportForm, string> = { on_site: '现场述法', written: '书面述法' };
export const TRAINING_AUDIENCE_LABELS: Record<TrainingAudience, string> = {
  leading_cadres: '领导干部', enforcement_officers: '行政执法人员', public_servants: '公职人员', other: '其他',
};

/** What every register record carries besides its own fields. */
export type RegisterRecord = {
  id: number; orgId: number; orgName: string | null; heldOn: string;
  isVoided: boolean; voidReason: string | null; voidedAt: string | null;
  version: number; createdAt: string; updatedAt: string;
};

export type StudySession = RegisterRecord & { meeting: string; topics: string; laws: string[]; presenter: string | null };
export type LawReport = RegisterRecord & {
  leaderName: string; position: string; form: ReportForm; formLabel: string; occasion: string | null; comments: string | null;
};
export type Oath = RegisterRecord & { place: string; organiser: string; swornCount: number; names: string[]; basis: string };
export type Training = RegisterRecord & {
  title: string; audience: TrainingAudience; audienceLabel: string; hours: number; participantCount: number; organiser: string;
};

type Common = { orgId: number; heldOn: string };
export type StudySessionInput = Common & { meeting: string; topics: string; laws: string[]; presenter: string | null };
export type LawReportInput = Common & { leaderName: string; position: string; form: ReportForm; occasion: string | null; comments: string | null };
export type OathInput = Common & { place: string; organiser: string; swornCount: number; names: string[]; basis: string | null };
export type TrainingInput = Common & { title: string; audience: TrainingAudience; hours: number; participantCount: number; organiser: string };

/** The list filters, as indicator links carry them: period (from/to), organisation with subtree, keyword. */
export type RegisterQuery = {
  page: number; pageSize: number; from?: string; to?: string; orgTree?: number | null; q?: string; includeVoided?: boolean;
  form?: ReportForm; audience?: TrainingAudience;
};

export type RegisterPath = 'study-sessions' | 'law-reports' | 'oaths' | 'trainings';

/** One register's typed calls; writes are silent so dialogs can show field errors. */
function registerApi<R extends RegisterRecord, I>(path: RegisterPath) {
  const base = `/leadership/${path}`;
  return {
    list: (query: RegisterQuery) => http.get<Page<R>>(base, query),
    get: (id: number) => http.get<R>(`${base}/${id}`),
    create: (body: I) => http.post<R>(base, body, { isSilent: true }),
    update: (id: number, body: I & { version: number }) => http.put<R>(`${base}/${id}`, body, { isSilent: true }),
    void: (id: number, reason: string, version: number) => http.post<R>(`${base}/${id}/void`, { reason, version }),
  };
}

export type RegisterApi<R extends RegisterRecord, I> = ReturnType<typeof registerApi<R, I>>;

export const leadershipApi = {
  studySessions: registerApi<StudySession, StudySessionInput>('study-sessions'),
  lawReports: registerApi<LawReport, LawReportInput>('law-reports'),
  oaths: registerApi<Oath, OathInput>('oaths'),
  trainings: registerApi<Training, TrainingInput>('trainings'),
};

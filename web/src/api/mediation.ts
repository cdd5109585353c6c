import { ApiError, download, http, type ApiErrorBody, type Page } from './client.ts';

/** 人民调解: ledger import (台账导入) and the committee register (调委会). */
export type ImportMode = 'valid_rows' | 'all_or_nothing';

export type LedgerRowError = { row: number; column: string; message: string };

export type LedgerImportResult = {
  total: number;
  imported: number;
  duplicates: number;
  isCommitted: boolean;
  errorCount: number;
  errors: LedgerRowError[];
  errorReportFileId: number | null;
};

export type CommitteeWarning = { code: string; message: string; basis: string; memberIds: number[] };

export type CommitteeSummary = {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  fieldLabel: string | null;
  orgName: string | null;
  townshipOrgName: string | null;
  guideOrgName: string | null;
  establishedOn: string | null;
  isActive: boolean;
  memberCount: number;
  mediatorCount: number;
  warnings: CommitteeWarning[];
};

export type CommitteeQuery = { page: number; pageSize: number; q?: string; kind?: CommitteeKind; isActive?: 'true' | 'false' };

export type CommitteeKind = 'village_resident' | 'township' | 'enterprise' | 'industry';
export type Gender = 'female' | 'male';
export type MemberRole = 'director' | 'deputy' | 'member';
export type Employment = 'full_time' | 'part_time';
export type RiskLevel = 'low' | 'medium' | 'high';
export type ReportState = 'open' | 'converting' | 'converted' | 'closed';

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  village_resident: '村（居）民委员会人民调解委员会',
  township: '乡镇（街道）人民调解委员会',
  enterprise: '企业事业单位人民调解委员会',
  industry: '行业性专业性人民调解委员会',
};
export const GENDER_LABELS: Record<Gender, string> = { female: '女', male: '男' };
export const ROLE_LABELS: Record<MemberRole, string> = { director: '主任', deputy: '副主任', member: '委员' };
export const EMPLOYMENT_LABELS: Record<Employment, string> = { full_time: '专职', part_time: '兼职' };
export const RISK_LABELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高' };
export const REPORT_STATE_LABELS: Record<ReportState, string> = { open: '待处理', converting: '转案中', converted: '已转为调解案件', closed: '已关闭' };

export type CommitteeMember = {
  id: number; name: string; gender: Gender; genderLabel: string; role: MemberRole; roleLabel: string;
  termStart: string; termEnd: string; isTermEnded: boolean; phoneMasked: string | null;
};
export type CommitteeDetail = CommitteeSummary & {
  field: string | null; parentOrgId: number; parentOrgName: string | null; orgId: number | null;
  guideOrgId: number | null; remark: string | null; version: number; kindBasis: string | null;
  members: CommitteeMember[];
  mediators: { id: number; name: string; gender: Gender; employment: Employment; isActive: boolean }[];
};
export type MemberInput = { id?: number; name: string; gender: Gender; role: MemberRole; termStart: string; termEnd: string; phone?: string };
export type CommitteeInput = {
  name: string; kind: CommitteeKind; field: string | null; parentOrgId: number; createOrg?: boolean;
  establishedOn: string | null; isActive: boolean; remark?: string; members: MemberInput[];
};

export type Mediator = {
  id: number; committeeId: number; committeeName: string; name: string; gender: Gender; genderLabel: string;
  employment: Employment; employmentLabel: string; isCommitteeMember: boolean; qualification: string | null;
  isActive: boolean; version: number; trainingCount: number; trainingHours: number; lastTrainedOn: string | null;
};
export type Training = { id: number; trainedOn: string; hours: number; topic: string; organiser: string };
export type MediatorDetail = Mediator & { trainings: Training[] };
export type MediatorInput = {
  committeeId: number; name: string; gender: Gender; employment: Employment; isCommitteeMember: boolean; qualification?: string; isActive: boolean;
};
export type TrainingInput = { trainedOn: string; hours: number; topic: string; organiser: string };
export type MediatorQuery = { page: number; pageSize: number; q?: string; committeeId?: number; employment?: Employment; isActive?: boolean };

export type Grid = {
  id: number; name: string; townshipOrgId: number; townshipOrgName: string | null; guideOrgId: number | null; guideOrgName: string | null;
  description: string | null; isActive: boolean; version: number; workerCount: number; openReportCount: number;
};
export type GridWorker = { id: number; name: string; phoneMasked: string | null; isActive: boolean; version: number };
export type GridDetail = Grid & { workers: GridWorker[] };
/** guideOrgId: omitted → the township's 司法所; null → none. */
export type GridInput = { name: string; townshipOrgId: number; guideOrgId?: number | null; description?: string; isActive: boolean };
export type WorkerInput = { name: string; phone?: string; isActive: boolean };
export type GridQuery = { page: number; pageSize: number; q?: string; townshipOrgId?: number; isActive?: boolean };

export type GridReport = {
  id: number; gridId: number; gridName: string; townshipOrgName: string | null; gridWorkerId: number | null; gridWorkerName: string | null;
  foundOn: string; description: string; parties: string[]; place: string | null; riskLevel: RiskLevel; riskLevelLabel: string;
  category: string | null; categoryLabel: string | null; state: ReportState; stateLabel: string; caseId: number | null; caseNo: string | null;
  closeReason: string | null; handledOn: string | null; version: number; createdAt: string;
};
export type ReportInput = {
  gridId: number; gridWorkerId: number | null; foundOn: string; description: string; parties: string[];
  place?: string; riskLevel: RiskLevel; category: string | null;
};
export type ReportQuery = { page: number; pageSize: number; state?: ReportState; gridId?: number; riskLevel?: RiskLevel; from?: string; to?: string };
export type ConvertResult = { caseId: number; state: string; version: number };
/** What the case needs beyond the report's own facts (the report's parties, place and category are the defaults). */
export type ConvertInput = {
  orgId?: number;
  input?: { category?: string; parties?: { kind: 'person'; name: string }[]; peopleCount?: number; committeeId?: number };
};

function errorBody(data: unknown, status: number): ApiErrorBody {
  if (data && typeof data === 'object' && 'code' in data && 'message' in data) return data as ApiErrorBody;
  return { code: `HTTP_${status}`, message: `导入失败（${status}）` };
}

export const mediationApi = {
  template: () => download('GET', '/mediation/ledger/template', { fallbackName: '人民调解台账导入模板.xlsx' }),
  /** multipart POST: file, orgId, mode. The caller shows the error message. */
  importLedger: async (file: File, orgId: number, mode: ImportMode, csrfToken: string | null): Promise<LedgerImportResult> => {
    const form = new FormData();
    form.append('orgId', String(orgId));
    form.append('mode', mode);
    form.append('file', file, file.name);
    const response = await fetch('/api/mediation/ledger/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken, Accept: 'application/json' } : { Accept: 'application/json' },
      body: form,
    });
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) throw new ApiError(response.status, errorBody(data, response.status));
    return data as LedgerImportResult;
  },
  errorReportUrl: (fileId: number) => `/api/files/${fileId}`,
  committees: (query: CommitteeQuery) => http.get<Page<CommitteeSummary>>('/mediation/committees', query),
  committee: (id: number) => http.get<CommitteeDetail>(`/mediation/committees/${id}`),
  createCommittee: (body: CommitteeInput) => http.post<{ id: number }>('/mediation/committees', body, { isSilent: true }),
  updateCommittee: (id: number, body: CommitteeInput & { version: number }) => http.put<{ ok: boolean }>(`/mediation/committees/${id}`, body, { isSilent: true }),
  memberPhone: (id: number, memberId: number) => http.get<{ phone: string | null }>(`/mediation/committees/${id}/members/${memberId}/phone`),

  mediators: (query: MediatorQuery) => http.get<Page<Mediator>>('/mediation/mediators', query),
  mediator: (id: number) => http.get<MediatorDetail>(`/mediation/mediators/${id}`),
  createMediator: (body: MediatorInput) => http.post<{ id: number }>('/mediation/mediators', body, { isSilent: true }),
  updateMediator: (id: number, body: MediatorInput & { version: number }) => http.put<{ ok: boolean }>(`/mediation/mediators/${id}`, body, { isSilent: true }),
  addTraining: (id: number, body: TrainingInput) => http.post<{ id: number }>(`/mediation/mediators/${id}/trainings`, body, { isSilent: true }),
  removeTraining: (id: number, trainingId: number) => http.del<{ ok: boolean }>(`/mediation/mediators/${id}/trainings/${trainingId}`),

  grids: (query: GridQuery) => http.get<Page<Grid>>('/mediation/grids', query),
  grid: (id: number) => http.get<GridDetail>(`/mediation/grids/${id}`),
  createGrid: (body: GridInput) => http.post<{ id: number }>('/mediation/grids', body, { isSilent: true }),
  updateGrid: (id: number, body: GridInput & { version: number }) => http.put<{ ok: boolean }>(`/mediation/grids/${id}`, body, { isSilent: true }),
  addWorker: (gridId: number, body: WorkerInput) => http.post<{ id: number }>(`/mediation/grids/${gridId}/workers`, body, { isSilent: true }),
  updateWorker: (gridId: number, workerId: number, body: WorkerInput & { version: number }) =>
    http.put<{ ok: boolean }>(`/mediation/grids/${gridId}/workers/${workerId}`, body, { isSilent: true }),
  workerPhone: (gridId: number, workerId: number) => http.get<{ phone: string | null }>(`/mediation/grids/${gridId}/workers/${workerId}/phone`),

  reports: (query: ReportQuery) => http.get<Page<GridReport>>('/mediation/grid-reports', query),
  report: (id: number) => http.get<GridReport>(`/mediation/grid-reports/${id}`),
  createReport: (body: ReportInput) => http.post<{ id: number }>('/mediation/grid-reports', body, { isSilent: true }),
  updateReport: (id: number, body: ReportInput & { version: number }) => http.put<{ ok: boolean }>(`/mediation/grid-reports/${id}`, body, { isSilent: true }),
  closeReport: (id: number, reason: string, version: number) => http.post<{ ok: boolean }>(`/mediation/grid-reports/${id}/close`, { reason, version }, { isSilent: true }),
  convertReport: (id: number, body: ConvertInput = {}, isSilent = false) =>
    http.post<ConvertResult>(`/mediation/grid-reports/${id}/convert`, body, { isSilent }),
};

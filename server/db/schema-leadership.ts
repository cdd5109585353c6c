import type { Generated } from 'kysely';

/**
 * 党政主要负责人履行推进法治建设第一责任人职责 registers (migration 009-leadership-registers). Every register
 * shares the columns below: the organisation whose record it is, the legal date (`held_on`), a version for
 * optimistic updates, and 作废 instead of deletion (records are corrected, not removed).
 */
export type LeadershipRegisterColumns = {
  id: Generated<number>;
  org_id: number;
  /** The legal date: 学法 / 述法 / 宣誓 / 培训 date, 'YYYY-MM-DD'. */
  held_on: string;
  /** 0/1: voided records stay for the audit trail but count nowhere. */
  is_voided: number;
  void_reason: string | null;
  voided_at: string | null;
  voided_by: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
};

/** 会前学法: study of laws before a 常务会议 or other meeting. */
export type LeaderStudySessionTable = LeadershipRegisterColumns & {
  /** e.g. 县政府第12次常务会议 */
  meeting: string;
  topics: string;
  /** JSON array of law titles (without 《》), at least one. */
  laws_json: string;
  presenter: string | null;
};

/** 述法: a principal leader's report on performing the 第一责任人 duties. */
export type LeaderLawReportTable = LeadershipRegisterColumns & {
  leader_name: string;
  position: string;
  /** on_site 现场述法 | written 书面述法 */
  form: string;
  occasion: string | null;
  comments: string | null;
};

/** 宪法宣誓 ceremony. */
export type ConstitutionOathTable = LeadershipRegisterColumns & {
  place: string;
  organiser: string;
  sworn_count: number;
  /** JSON array of names; may list fewer than sworn_count. */
  names_json: string;
  basis: string;
};

/** 学法培训: law training sessions by audience. */
export type LawTrainingTable = LeadershipRegisterColumns & {
  title: string;
  /** leading_cadres 领导干部 | enforcement_officers 行政执法人员 | public_servants 公职人员 | other 其他 */
  audience: string;
  hours: number;
  participant_count: number;
  organiser: string;
};

export type LeadershipTables = {
  leader_study_session: LeaderStudySessionTable;
  leader_law_report: LeaderLawReportTable;
  constitution_oath: ConstitutionOathTable;
  law_training: LawTrainingTable;
};

import type { Generated } from 'kysely';

/** 人民调解 registers (migration 008-mediation-registers). Phones: `*_enc` SM4-sealed, `*_masked` for lists. */
export type MediationCommitteeTable = {
  id: Generated<number>;
  name: string;
  /** village_resident 村（居）| township 乡镇（街道）| enterprise 企事业单位 | industry 行业性专业性 */
  kind: string;
  /** Industry committees: a `mediation_field` dictionary code (医疗纠纷, 道路交通事故 …); null otherwise. */
  field: string | null;
  /** The organisation that set the committee up or that it belongs to (乡镇, 部门 …). */
  parent_org_id: number;
  /** The committee's own node in the organisation tree (kind 'committee'), when it has one. */
  org_id: number | null;
  /** Nearest 乡镇（街道） at or above the parent organisation: what township figures group by. */
  township_org_id: number | null;
  /** The 司法所 (or other office) guiding the committee; its staff see the committee. */
  guide_org_id: number | null;
  established_on: string | null;
  is_active: number;
  remark: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type MediationCommitteeMemberTable = {
  id: Generated<number>;
  committee_id: number;
  name: string;
  /** female | male */
  gender: string;
  /** director 主任 | deputy 副主任 | member 委员 */
  role: string;
  term_start: string;
  term_end: string;
  phone_enc: string | null;
  phone_masked: string | null;
  sort: number;
};

export type MediatorTable = {
  id: Generated<number>;
  committee_id: number;
  name: string;
  gender: string;
  /** full_time 专职 | part_time 兼职 */
  employment: string;
  /** 人民调解法第十三条: a committee member (委员) or a person the committee appointed (聘任). */
  is_committee_member: number;
  qualification: string | null;
  is_active: number;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type MediatorTrainingTable = {
  id: Generated<number>;
  mediator_id: number;
  trained_on: string;
  hours: number;
  topic: string;
  organiser: string;
  created_by: number | null;
  created_at: string;
};

export type MediationGridTable = {
  id: Generated<number>;
  name: string;
  township_org_id: number;
  guide_org_id: number | null;
  description: string | null;
  is_active: number;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type GridWorkerTable = {
  id: Generated<number>;
  grid_id: number;
  name: string;
  phone_enc: string | null;
  phone_masked: string | null;
  is_active: number;
  version: number;
  created_at: string;
  updated_at: string;
};

export type GridReportTable = {
  id: Generated<number>;
  grid_id: number;
  /** The grid worker who found it; null when staff filed it themselves (created_by). */
  grid_worker_id: number | null;
  found_on: string;
  description: string;
  /** JSON array of the parties' names. */
  parties_json: string;
  place: string | null;
  /** low | medium | high */
  risk_level: string;
  /** A `dispute_category` dictionary code. */
  category: string | null;
  /** open → converting (briefly, while the case is registered) → converted | closed */
  state: string;
  case_id: number | null;
  close_reason: string | null;
  handled_on: string | null;
  handled_by: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type MediationTables = {
  mediation_committee: MediationCommitteeTable;
  mediation_committee_member: MediationCommitteeMemberTable;
  mediator: MediatorTable;
  mediator_training: MediatorTrainingTable;
  mediation_grid: MediationGridTable;
  grid_worker: GridWorkerTable;
  grid_report: GridReportTable;
};

import { expect } from 'vitest';
import type { TestApp } from '../../support/platform.ts';
import type { Agent } from '../../support/http.ts';
import { DISCLOSURE_SAMPLES } from '../../factories/disclosure.ts';
import { MEDIATION_SAMPLES } from '../../factories/mediation.ts';
import { SAMPLE_INPUTS as RECONSIDERATION_SAMPLES } from '../../factories/reconsideration.ts';
import { SAMPLE_INPUTS as LITIGATION_SAMPLES } from '../../factories/litigation.ts';
import { soundMembers } from '../../../server/procedures/mediation/registers/testing.ts';

/**
 * One record of each kind in two organisations that the scoped demo users tell apart: a department pair
 * (县市场监督管理局 = scjg's own, 县生态环境局) and a township pair (东城镇, whose 司法所 is sfs's, and 石河镇).
 * Each record carries a unique marker in a text field, so a leak shows up in any answer, not only in lists.
 */
export type Side = 'A' | 'B';

export type Fixture = {
  kind: string;
  side: Side;
  id: number;
  /** Organisation codes the record is anchored to; a user whose scope holds one of them may see it. */
  anchors: string[];
  marker: string;
  /** Child ids for nested routes (`memberId`, `workerId`, `trainingId`, `commentId`). */
  children: Record<string, number>;
  /** A body that the record's update route would accept from someone in scope. */
  update?: Record<string, unknown>;
  /** How it was created, so a test can try the same in an organisation out of someone's scope. */
  create?: { url: string; body: Record<string, unknown> };
};

/** A kind of record: where it lives in the API and which permissions read it (any one of them). */
export type Kind = { kind: string; base: string; read: string[] };

export const KINDS: Kind[] = [
  { kind: 'case:disclosure', base: '/api/cases/disclosure', read: ['disclosure.read'] },
  { kind: 'case:reconsideration', base: '/api/cases/reconsideration', read: ['reconsideration.read'] },
  { kind: 'case:litigation', base: '/api/cases/litigation', read: ['litigation.read'] },
  { kind: 'case:mediation', base: '/api/cases/mediation', read: ['mediation.read'] },
  { kind: 'committee', base: '/api/mediation/committees', read: ['mediation.read', 'mediation.manage'] },
  { kind: 'mediator', base: '/api/mediation/mediators', read: ['mediation.read', 'mediation.manage'] },
  { kind: 'grid', base: '/api/mediation/grids', read: ['mediation.read', 'mediation.manage'] },
  { kind: 'grid-report', base: '/api/mediation/grid-reports', read: ['mediation.read', 'mediation.manage'] },
  { kind: 'study-session', base: '/api/leadership/study-sessions', read: ['leadership.read', 'leadership.manage'] },
  { kind: 'law-report', base: '/api/leadership/law-reports', read: ['leadership.read', 'leadership.manage'] },
  { kind: 'oath', base: '/api/leadership/oaths', read: ['leadership.read', 'leadership.manage'] },
  { kind: 'training', base: '/api/leadership/trainings', read: ['leadership.read', 'leadership.manage'] },
  { kind: 'item', base: '/api/items', read: ['item.read'] },
  { kind: 'consultation', base: '/api/consultations', read: ['consultation.manage'] },
  { kind: 'annual-report', base: '/api/annual-reports', read: ['report.read'] },
  { kind: 'org', base: '/api/orgs', read: ['org.read'] },
  { kind: 'user', base: '/api/users', read: ['user.read'] },
];

/** Actions and other non-id segments the routes take, with a value that names something real. */
export const SEGMENT_DEFAULTS: Record<string, string> = {
  action: 'submit',
  code: 'info_category',
  key: 'files.maxUploadMb',
  date: '2025-03-03',
  kind: 'correctionNotice',
  slot: 'body',
};

const CASE_ACTIONS: Record<string, string> = { disclosure: 'requestCorrection', reconsideration: 'accept', litigation: 'submitDefence', mediation: 'accept' };

export type RouteTarget = { kind: Kind | null; template: string; segments: Record<string, string> };

/**
 * The concrete forms of a route: `/api/cases/:procedure/:id` once per procedure, others as they are, each with
 * the kind of record its `:id` addresses (the longest base that prefixes it), if any.
 */
export function routeTargets(url: string): RouteTarget[] {
  const forms = url.includes(':procedure')
    ? Object.keys(CASE_ACTIONS).map((p) => ({ template: url.replace(':procedure', p), segments: { ...SEGMENT_DEFAULTS, action: CASE_ACTIONS[p] } }))
    : [{ template: url, segments: SEGMENT_DEFAULTS }];
  return forms.map((form) => ({
    ...form,
    kind: KINDS.filter((k) => form.template === `${k.base}/:id` || form.template.startsWith(`${k.base}/:id/`)).sort((a, b) => b.base.length - a.base.length)[0] ?? null,
  }));
}

export type Fixtures = {
  orgs: Map<string, number>;
  records: Fixture[];
  byKind(kind: string, side: Side): Fixture;
};

let counter = 0;
const markerOf = (kind: string, side: Side) => `ZZMARK${side}${kind.replace(/[^a-z]/g, '').slice(0, 10)}${(counter += 1)}`;

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Created = { id: number; create: { url: string; body: Record<string, unknown> } };

async function created(agent: Agent, url: string, body: Record<string, unknown>): Promise<Created> {
  const res = await agent.post<{ id: number }>(url, body);
  expect(res.status, `${url}: ${res.text}`).toBeLessThan(300);
  return { id: res.body.id, create: { url, body } };
}

/** Creates the records as admin (scope: all); about 40 writes. */
export async function createFixtures(t: TestApp, admin: Agent): Promise<Fixtures> {
  const rows = await t.platform.db.selectFrom('organization').select(['id', 'code']).execute();
  const orgs = new Map(rows.map((r) => [r.code, r.id]));
  const org = (code: string) => orgs.get(code)!;
  const records: Fixture[] = [];
  const add = (kind: string, side: Side, made: Created | number, anchors: string[], marker: string, extra: Partial<Fixture> = {}) =>
    records.push(typeof made === 'number'
      ? { kind, side, id: made, anchors, marker, children: {}, ...extra }
      : { kind, side, id: made.id, create: made.create, anchors, marker, children: {}, ...extra });
  const dept = { A: 'market', B: 'eco' } as const;
  const town = { A: 'dongcheng', B: 'shihe' } as const;

  for (const side of ['A', 'B'] as const) {
    const d = dept[side];
    const tw = town[side];
    let marker = markerOf('disclosure', side);
    const disclosure = await created(admin, '/api/cases/disclosure', { ...DISCLOSURE_SAMPLES.register, description: `${marker} 立项批复文件`, orgId: org(d) });
    add('case:disclosure', side, disclosure, [d], marker);

    marker = markerOf('reconsideration', side);
    const reconsideration = await created(admin, '/api/cases/reconsideration', { ...RECONSIDERATION_SAMPLES.register, request: `${marker} 撤销处罚`, respondentOrgId: org(d), orgId: org(d) });
    add('case:reconsideration', side, reconsideration, [d], marker);

    marker = markerOf('litigation', side);
    const litigation = await created(admin, '/api/cases/litigation', { ...LITIGATION_SAMPLES.register, claims: `${marker} 撤销决定`, defendantOrgId: org(d), orgId: org(d) });
    add('case:litigation', side, litigation, [d], marker);

    marker = markerOf('mediation', side);
    const mediation = await created(admin, '/api/cases/mediation', { ...MEDIATION_SAMPLES.register, summary: `${marker} 排水沟纠纷`, orgId: org(`${tw}.twh`) });
    add('case:mediation', side, mediation, [`${tw}.twh`], marker);

    marker = markerOf('committee', side);
    const committeeBody = { name: `${marker}村人民调解委员会`, kind: 'village_resident', parentOrgId: org(tw), establishedOn: '2011-03-01', members: soundMembers() };
    const committee = await created(admin, '/api/mediation/committees', committeeBody);
    const members = (await admin.get<{ members: { id: number }[] }>(`/api/mediation/committees/${committee.id}`)).body.members;
    add('committee', side, committee, [tw, `${tw}.sfs`], marker, { children: { memberId: members[0].id }, update: { ...committeeBody, members: undefined, version: 1 } });

    marker = markerOf('mediator', side);
    const mediatorBody = { committeeId: committee.id, name: `${marker}调解员`, gender: 'female', employment: 'full_time', isCommitteeMember: false };
    const mediator = await created(admin, '/api/mediation/mediators', mediatorBody);
    const training = await created(admin, `/api/mediation/mediators/${mediator.id}/trainings`, { trainedOn: '2024-05-10', hours: 4, topic: '人民调解法', organiser: '县司法局' });
    add('mediator', side, mediator, [tw, `${tw}.sfs`], marker, { children: { trainingId: training.id }, update: { ...mediatorBody, version: 1 } });

    marker = markerOf('grid', side);
    const gridBody = { name: `${marker}网格`, townshipOrgId: org(tw), description: '幸福路以东' };
    const grid = await created(admin, '/api/mediation/grids', gridBody);
    const worker = await created(admin, `/api/mediation/grids/${grid.id}/workers`, { name: '孙网格', phone: '13900001111' });
    add('grid', side, grid, [tw, `${tw}.sfs`], marker, { children: { workerId: worker.id }, update: { ...gridBody, version: 1 } });

    marker = markerOf('gridreport', side);
    const reportBody = { gridId: grid.id, gridWorkerId: worker.id, foundOn: '2024-09-18', description: `${marker} 宅基地边界争执`, parties: ['张三', '李四'], place: '幸福村三组', riskLevel: 'medium', category: 'neighbourhood' };
    const gridReport = await created(admin, '/api/mediation/grid-reports', reportBody);
    add('grid-report', side, gridReport, [tw, `${tw}.sfs`], marker, { update: { ...reportBody, version: 1 } });

    const leadership: [string, string, Record<string, unknown>][] = [
      ['study-session', 'study-sessions', { heldOn: '2024-03-12', meeting: '局党组会', topics: '学习统计法', laws: ['中华人民共和国统计法'], presenter: '局长' }],
      ['law-report', 'law-reports', { heldOn: '2024-12-20', leaderName: '李局长', position: '局长', form: 'on_site', occasion: '述法会', comments: '履职到位' }],
      ['oath', 'oaths', { heldOn: '2024-01-15', place: '会议室', organiser: '县人大常委会', swornCount: 3, names: ['张一'] }],
      ['training', 'trainings', { heldOn: '2024-05-08', title: '执法人员培训', audience: 'enforcement_officers', hours: 3.5, participantCount: 120, organiser: '县司法局' }],
    ];
    for (const [kind, path, sample] of leadership) {
      marker = markerOf(kind, side);
      const textField = kind === 'study-session' ? 'topics' : kind === 'law-report' ? 'comments' : kind === 'oath' ? 'place' : 'title';
      const body = { ...sample, orgId: org(d), [textField]: `${marker} ${String(sample[textField])}` };
      const record = await created(admin, `/api/leadership/${path}`, body);
      add(kind, side, record, [d], marker, { update: { ...body, version: 1 } });
    }

    marker = markerOf('item', side);
    const itemBody = { orgId: org(d), category: 'penalty', title: `${marker}行政处罚决定公示`, formedOn: '2024-09-20', bodyHtml: '<p>正文</p>' };
    const item = await created(admin, '/api/items', itemBody);
    add('item', side, item, [d], marker, { update: { ...itemBody, version: 1 } });

    marker = markerOf('consultation', side);
    const consultationBody = {
      orgId: org(d), title: `${marker}停车管理办法（征求意见稿）`, description: '起草说明。', articles: ['第一条 为了规范停车。'],
      subjectKind: 'normative_document', opensOn: today, closesOn: plusDays(40),
    };
    const consultation = await created(admin, '/api/consultations', consultationBody);
    add('consultation', side, consultation, [d], marker, { update: { ...consultationBody, version: 1 } });

    marker = markerOf('annualreport', side);
    const annual = await created(admin, '/api/annual-reports', { orgId: org(d), year: 2024 });
    const annualDetail = (await admin.get<{ version: number; content: Record<string, unknown> }>(`/api/annual-reports/${annual.id}`)).body;
    add('annual-report', side, annual, [d], marker, { update: { version: annualDetail.version, content: annualDetail.content } });

    add('org', side, org(d), [d], `ZZNOMARK-org-${side}`);
    marker = markerOf('user', side);
    const user = await created(admin, '/api/users', { username: `u${marker.toLowerCase()}`, displayName: marker, password: 'Init@2024pw', orgIds: [org(d)], roleIds: [] });
    add('user', side, user, [d], marker);
  }
  return {
    orgs,
    records,
    byKind: (kind, side) => {
      const found = records.find((r) => r.kind === kind && r.side === side);
      if (!found) throw new Error(`no fixture ${kind}/${side}`);
      return found;
    },
  };
}

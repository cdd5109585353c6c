import type { Fixture, Fixtures, RouteTarget } from './fixtures.ts';
import type { ApiRoute } from './routes.ts';
import { DISCLOSURE_SAMPLES } from '../../factories/disclosure.ts';
import { MEDIATION_SAMPLES } from '../../factories/mediation.ts';
import { SAMPLE_INPUTS as RECONSIDERATION_SAMPLES } from '../../factories/reconsideration.ts';
import { SAMPLE_INPUTS as LITIGATION_SAMPLES } from '../../factories/litigation.ts';

/**
 * A request each route would accept from someone allowed to make it, so that a refusal in the access matrix
 * is about access and not about the input. Record routes take their body from the fixture; the rest are here.
 */
const CASE_INPUTS: Record<string, Record<string, Record<string, unknown>>> = {
  disclosure: DISCLOSURE_SAMPLES, reconsideration: RECONSIDERATION_SAMPLES, litigation: LITIGATION_SAMPLES, mediation: MEDIATION_SAMPLES,
};

type Sample = (orgs: Map<string, number>) => unknown;

const BODIES: Record<string, Sample> = {
  'POST /api/auth/password': () => ({ oldPassword: 'Wrong@2024pw', newPassword: 'Mine@2024pw' }),
  'POST /api/orgs': (o) => ({ parentId: o.get('county'), name: '矩阵测试机构', kind: 'department', code: 'matrix-test' }),
  'PUT /api/orgs/:id': (o) => ({ parentId: o.get('county'), name: '县生态环境局', kind: 'department', code: 'eco' }),
  'POST /api/users': (o) => ({ username: 'matrix_user', displayName: '矩阵用户', password: 'Init@2024pw', orgIds: [o.get('market')], roleIds: [] }),
  'PUT /api/users/:id': (o) => ({ displayName: '改名', orgIds: [o.get('eco')], roleIds: [], isEnabled: true }),
  'POST /api/roles': () => ({ key: 'matrix_role', name: '矩阵角色', permissions: [], dataScope: 'org' }),
  'PUT /api/roles/:id': () => ({ key: 'matrix_role', name: '矩阵角色', permissions: [], dataScope: 'org' }),
  'POST /api/dicts': () => ({ code: 'matrix_dict', name: '矩阵字典' }),
  'POST /api/dicts/:code/items': () => ({ code: 'matrix_item', label: '矩阵项' }),
  'PUT /api/dicts/:code/items/:id': () => ({ code: 'matrix_item', label: '矩阵项' }),
  'PUT /api/settings/:key': () => ({ value: 20 }),
  'PUT /api/calendar/days/:date': () => ({ kind: 'holiday', name: '地方性放假' }),
  'POST /api/calendar/import': () => ({ csv: 'date,kind,name\n2027-01-01,休,元旦' }),
  'POST /api/entered-figures': (o) => ({ indicatorId: 'legality.contractsReviewed', orgId: o.get('justice'), year: 2024, value: 1, source: '台账' }),
  'POST /api/entered-figures/:id/review': () => ({ decision: 'approve' }),
  'POST /api/reports/disclosure/publish': (o) => ({ year: 2024, org: o.get('county'), problems: '无', other: '无' }),
  'POST /api/reports/disclosure/document': (o) => ({ year: 2024, org: o.get('county'), problems: '无', other: '无' }),
  'PUT /api/document-templates/:kind/texts/:slot': () => ({ text: '矩阵测试措辞' }),
  'PUT /api/consultations/:id/comments/:commentId': () => ({ decision: 'adopted' }),
  'POST /api/consultations/:id/conclude': () => ({ summary: '采纳情况说明' }),
  'PUT /api/doc-number-formats': () => ({ items: [] }),
  'POST /api/mediation/grid-reports/:id/convert': () => ({}),
  'POST /api/items/:id/:action': () => ({ version: 1 }),
  'POST /api/annual-reports/:id/actions/:action': () => ({ version: 1 }),
};

/** Queries a read route needs to answer at all. */
export const QUERIES: Record<string, string> = {
  'GET /api/calendar': 'year=2024&month=10',
  'GET /api/calendar/deadline': 'from=2024-09-27&workingDays=5',
  'GET /api/indicators': 'year=2024',
  'GET /api/indicators/:id': 'year=2024',
  'GET /api/reports/disclosure': 'year=2024',
};

/** Sub-routes of a record kind, by what follows the kind's `/:id`. */
const RECORD_BODIES: Record<string, (record: Fixture | null) => unknown> = {
  '/:id/void': () => ({ version: 1, reason: '录入错误' }),
  '/:id/close': () => ({ version: 1, reason: '已自行化解' }),
  '/:id/trainings': () => ({ trainedOn: '2024-05-10', hours: 2, topic: '人民调解法', organiser: '县司法局' }),
  '/:id/workers': () => ({ name: '钱网格', phone: '13900002222' }),
  '/:id/workers/:workerId': () => ({ name: '钱网格员', version: 1 }),
  '/:id/reset-password': () => ({ password: 'Reset@2024pw' }),
};

export function sampleBody(route: ApiRoute, target: RouteTarget, record: Fixture | null, fixtures: Fixtures): unknown {
  const tail = target.kind ? target.template.slice(target.kind.base.length) : '';
  if (target.template.startsWith('/api/cases/')) {
    const procedure = target.template.split('/')[3];
    if (tail === '/:id/actions/:action') return { version: 1, ...CASE_INPUTS[procedure][target.segments.action] };
    if (route.method === 'POST' && !tail) return fixtures.byKind(`case:${procedure}`, 'A').create?.body;
  }
  if (route.key in BODIES) return BODIES[route.key](fixtures.orgs);
  if (tail === '/:id' && route.method === 'PUT') return record?.update ?? { version: 1 };
  if (tail in RECORD_BODIES) return RECORD_BODIES[tail](record);
  const created = fixtures.records.find((r) => r.create?.url === target.template && route.method === 'POST');
  if (created) return created.create!.body;
  return route.body ? {} : undefined;
}

import { RECONSIDERATION_FIELDS } from './labels-reconsideration.ts';
import { LITIGATION_FIELDS } from './labels-litigation.ts';
import { DISCLOSURE_FIELDS } from './labels-disclosure.ts';
import { MEDIATION_FIELDS } from './labels-mediation.ts';

/**
 * Labels and widget hints for case fields and action inputs. The JSON Schema from the server carries no
 * titles yet, so the words live here; a key not found falls back to the schema's title, then to the key.
 *
 * A scope is `<procedure>/<action>` (action empty for stored case data). For a field at `a.0.b` the lookup
 * tries, in the procedure's map and then in the common map: `action/a.b`, `a.b`, `action/b`, `b`
 * (array indexes dropped).
 */
export type FieldMeta = {
  label: string;
  /** Value → label for enum values (and for stored values shown on the case page). */
  options?: Record<string, string>;
  /** Choose from a dictionary (GET /api/dicts/:code/items) instead of free text. */
  dict?: string;
  /** Choose organisations (GET /api/orgs) instead of typing ids; textarea for long text. */
  widget?: 'org' | 'textarea';
  placeholder?: string;
  /** Not offered in forms (e.g. an internal record id). */
  isHiddenInForm?: boolean;
  /** Not shown on the case page (e.g. an id whose name is stored next to it). */
  isHiddenInView?: boolean;
  /** Date fields reject future days unless this is set. */
  allowFuture?: boolean;
};

export type FieldMetaMap = Record<string, FieldMeta>;

export const PARTY_KINDS = { person: '自然人', organization: '法人或其他组织' };

/** Fields every procedure shares: the engine's own and a party's (common/party.ts). */
const COMMON_FIELDS: FieldMetaMap = {
  on: { label: '办理日期' },
  orgId: { label: '办理机构' },
  note: { label: '备注', widget: 'textarea' },
  kind: { label: '类型', options: PARTY_KINDS },
  name: { label: '姓名/名称' },
  idNumber: { label: '证件号码', placeholder: '居民身份证号码或统一社会信用代码' },
  phone: { label: '联系电话' },
  address: { label: '住所地' },
  legalRepresentative: { label: '法定代表人' },
  thirdParties: { label: '第三人' },
  'act.actId': { label: '行政行为记录', isHiddenInForm: true, isHiddenInView: true },
  'act.kind': { label: '行为类别' },
  'act.title': { label: '名称' },
  'act.docNumber': { label: '文号' },
  'act.decidedOn': { label: '作出日期' },
  title: { label: '名称' },
  basis: { label: '法律依据' },
  detail: { label: '具体情况', widget: 'textarea' },
  summary: { label: '内容摘要', widget: 'textarea' },
  reason: { label: '理由', widget: 'textarea' },
};

/** Per-procedure words, keyed by procedure key. */
export const PROCEDURE_FIELDS: Record<string, FieldMetaMap> = {
  reconsideration: RECONSIDERATION_FIELDS,
  litigation: LITIGATION_FIELDS,
  disclosure: DISCLOSURE_FIELDS,
  mediation: MEDIATION_FIELDS,
};

/** Path without array indexes: `applicants.0.name` → `applicants.name`. */
export function schemaPath(path: string): string {
  return path.split('.').filter((part) => !/^\d+$/.test(part)).join('.');
}

export function fieldMeta(path: string, scope = ''): FieldMeta | undefined {
  const [procedure = '', action = ''] = scope.split('/');
  const full = schemaPath(path);
  const last = full.split('.').pop() ?? full;
  const keys = [action ? `${action}/${full}` : '', full, action ? `${action}/${last}` : '', last].filter(Boolean);
  for (const map of [PROCEDURE_FIELDS[procedure], COMMON_FIELDS]) {
    if (!map) continue;
    for (const key of keys) {
      const meta = map[key];
      if (meta) return meta;
    }
  }
  return undefined;
}

export function fieldLabel(path: string, scope?: string, fallback?: string): string {
  return fieldMeta(path, scope)?.label ?? fallback ?? (path.split('.').pop() || path);
}

/** The label of an enum value, e.g. procedureType ordinary → 普通程序. */
export function optionLabel(path: string, value: unknown, scope?: string): string {
  const text = String(value);
  return fieldMeta(path, scope)?.options?.[text] ?? text;
}

/** Dictionaries any procedure's fields draw on (the case page loads their labels). */
export function dictCodes(procedure: string): string[] {
  const maps = [PROCEDURE_FIELDS[procedure] ?? {}, COMMON_FIELDS];
  return [...new Set(maps.flatMap((m) => Object.values(m)).map((m) => m.dict).filter((c): c is string => !!c))];
}

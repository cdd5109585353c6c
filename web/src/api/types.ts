import type { DataScope } from '@common/permissions.ts';

export type OrgKind = 'government' | 'department' | 'township' | 'office' | 'committee';

export type IdName = { id: number; name: string };

export type SessionUser = { id: number; username: string; displayName: string; orgs: IdName[] };

export type SessionRole = { id: number; key: string; name: string; dataScope: DataScope };

export type Me = {
  csrfToken: string;
  mustChangePassword: boolean;
  user: SessionUser;
  roles: SessionRole[];
  permissions: string[];
};

export type Org = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  code: string;
  sort: number;
  isEnabled: boolean;
  userCount: number;
};

export type OrgInput = {
  parentId: number | null;
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  code: string;
  sort?: number;
  isEnabled?: boolean;
};

export type User = {
  id: number;
  username: string;
  displayName: string;
  phoneMasked: string | null;
  isEnabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  orgs: IdName[];
  roles: IdName[];
};

export type UserCreate = {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  orgIds: number[];
  roleIds: number[];
};

export type UserUpdate = {
  displayName: string;
  phone?: string | null;
  orgIds: number[];
  roleIds: number[];
  isEnabled: boolean;
};

export type Role = {
  id: number;
  key: string;
  name: string;
  description: string | null;
  permissions: string[];
  dataScope: DataScope;
  scopeOrgIds: number[];
  isBuiltin: boolean;
  userCount: number;
};

export type RoleInput = {
  key: string;
  name: string;
  description?: string | null;
  permissions: string[];
  dataScope: DataScope;
  scopeOrgIds: number[];
};

export type KeyLabel = { key: string; label: string };

export type PermissionEntry = KeyLabel & { group?: string };

export type PermissionCatalog = { permissions: PermissionEntry[]; dataScopes: KeyLabel[] };

export type DictType = { code: string; name: string; description: string | null; isBuiltin: boolean; itemCount: number };

export type DictItem = { id: number; code: string; label: string; sort: number; isEnabled: boolean; remark: string | null };

export type SettingValue = number | boolean | string | string[];

export type Setting = {
  key: string;
  title: string;
  group: string;
  unit?: string | null;
  basis: string;
  description?: string | null;
  type: 'number' | 'boolean' | 'string' | 'array';
  min?: number | null;
  max?: number | null;
  /** Allowed values of a choice or of a list's items; null: free text. */
  options?: string[] | null;
  defaultValue: SettingValue;
  value: SettingValue;
  isDefault: boolean;
};

export type AuditRecord = {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

export type AuditVerifyResult = { ok: boolean; count: number; headHash?: string; brokenSeq?: number; reason?: string };

export type LoginLogRecord = {
  id: number;
  at: string;
  username: string;
  userId: number | null;
  ip: string | null;
  userAgent: string | null;
  result: string;
};

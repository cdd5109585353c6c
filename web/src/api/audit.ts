import { http, type Page } from './client.ts';
import type { AuditRecord, AuditVerifyResult, LoginLogRecord } from './types.ts';

export type AuditQuery = {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
};

export type LoginLogQuery = { page: number; pageSize: number; username?: string; result?: string; from?: string; to?: string };

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditRecord>>('/audit', query),
  verify: () => http.get<AuditVerifyResult>('/audit/verify'),
  loginLog: (query: LoginLogQuery) => http.get<Page<LoginLogRecord>>('/login-log', query),
};

import type { Db } from '../../db/client.ts';
import type { Principal } from '../access/scope.ts';

/** A stored file or generated document whose bytes someone wants to read, or a subject someone attaches to. */
export type StoredRecordRef = {
  kind: 'file' | 'document';
  id: number | null;
  subjectType: string | null;
  subjectId: string | null;
  createdBy: number | null;
};

export type FileAccessContext = {
  principal: Principal;
  db: Db;
  record: StoredRecordRef;
  /** read: download the bytes; attach: upload a file naming this subject. */
  mode: 'read' | 'attach';
};

export type FileAccessCheck = (context: FileAccessContext) => boolean | Promise<boolean>;

const checks = new Map<string, FileAccessCheck>();

/**
 * The seam for subject-based access: a module owning a subject type (e.g. 'case') decides who may read
 * the files and documents attached to its records and who may attach to them. Without a registered
 * check, only the uploader and administrators may read (isUploaderOrAdmin).
 */
export function registerFileAccessCheck(subjectType: string, check: FileAccessCheck): void {
  checks.set(subjectType, check);
}

/** Administrators hold the wildcard permission. */
export function isAdministrator(principal: Principal): boolean {
  return principal.grants.some((g) => g.permissions.includes('*'));
}

export function isUploaderOrAdmin({ principal, record, mode }: FileAccessContext): boolean {
  if (mode === 'attach') return true;
  return (record.createdBy != null && record.createdBy === principal.userId) || isAdministrator(principal);
}

export async function canAccessStoredRecord(context: FileAccessContext): Promise<boolean> {
  const check = context.record.subjectType ? checks.get(context.record.subjectType) : undefined;
  return (check ?? isUploaderOrAdmin)(context);
}

import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { registerFileAccessCheck } from '../files/access.ts';
import { findProcedure } from './registry.ts';

/**
 * Files and documents of a case follow the case: whoever may read the case may download them; whoever may
 * take an action on it (any of the procedure's action permissions, in scope) may attach to it.
 */
export function registerCaseFileAccess(): void {
  registerFileAccessCheck('case', async ({ principal, db, record, mode }) => {
    const caseId = Number(record.subjectId);
    if (!Number.isInteger(caseId)) return false;
    const row = await db.selectFrom('proc_case').select(['procedure', 'table_version', 'org_id', 'closed_on']).where('id', '=', caseId).executeTakeFirst();
    const procedure = row && findProcedure(row.procedure, row.table_version);
    if (!row || !procedure) return false;
    const permissions = mode === 'read'
      ? [`${procedure.key}.read`]
      : [...new Set(Object.values(procedure.actions).map((a) => a.permission))];
    for (const permission of permissions) {
      if (!hasPermission(principal, permission)) continue;
      if (scopeIncludesOrg(await scopeFor(db, principal, permission), row.org_id)) return true;
    }
    return false;
  });
}

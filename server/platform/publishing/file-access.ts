import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { registerFileAccessCheck } from '../files/access.ts';
import { ITEM_SUBJECT } from './queries.ts';
import { ITEM_EDIT, ITEM_READ } from './permissions.ts';

/**
 * Files uploaded for an item (subject 'item'): anyone signed in may read those of a published item —
 * they are public on the portal anyway —, readers in scope those of the others; editors in scope may
 * attach while the item is a draft.
 */
export function registerItemFileAccess(): void {
  registerFileAccessCheck(ITEM_SUBJECT, async ({ principal, db, record, mode }) => {
    const itemId = Number(record.subjectId);
    if (!Number.isInteger(itemId)) return false;
    const item = await db.selectFrom('info_item').select(['org_id', 'state']).where('id', '=', itemId).executeTakeFirst();
    if (!item) return false;
    if (mode === 'read' && item.state === 'published') return true;
    const permission = mode === 'read' ? ITEM_READ : ITEM_EDIT;
    if (mode === 'attach' && item.state !== 'draft') return false;
    if (!hasPermission(principal, permission)) return false;
    return scopeIncludesOrg(await scopeFor(db, principal, permission), item.org_id);
  });
}

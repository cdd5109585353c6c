import { PUBLISHING_PERMISSIONS } from '../../../common/permissions.ts';
import { registerPermissions } from '../access/permission-registry.ts';

export const ITEM_READ = 'item.read';
export const ITEM_EDIT = 'item.edit';
export const ITEM_REVIEW = 'item.review';

registerPermissions('政府信息公开', PUBLISHING_PERMISSIONS);

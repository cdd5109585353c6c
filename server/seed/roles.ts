import type { DataScope } from '../../common/permissions.ts';

/** The four roles every installation starts with (issue 2); administrators may add more. */
export const BUILTIN_ROLES: { key: string; name: string; description: string; permissions: string[]; dataScope: DataScope }[] = [
  {
    key: 'admin',
    name: '系统管理员',
    description: '管理组织、用户、角色、字典、参数与日历，查看审计',
    permissions: ['*'],
    dataScope: 'all',
  },
  {
    key: 'rule_of_law_staff',
    name: '法治办工作人员',
    description: '县司法局（法治办）工作人员，全县范围办理与督查',
    permissions: ['org.read', 'user.read', 'audit.read', 'indicator.read', 'indicator.enter', 'indicator.approve', 'consultation.manage', 'reconsideration.read', 'reconsideration.handle', 'reconsideration.personal', 'disclosure.read', 'disclosure.handle', 'disclosure.personal', 'litigation.read', 'litigation.handle', 'litigation.personal', 'item.read', 'item.edit', 'item.review'],
    dataScope: 'all',
  },
  {
    key: 'department_staff',
    name: '部门工作人员',
    description: '各部门、乡镇工作人员，办理本部门事项',
    permissions: ['org.read', 'user.read', 'indicator.read', 'indicator.enter', 'consultation.manage', 'reconsideration.read', 'litigation.read', 'disclosure.read', 'disclosure.handle', 'item.read', 'item.edit'],
    dataScope: 'org',
  },
  {
    key: 'leader',
    name: '领导',
    description: '县领导，全县只读',
    permissions: ['org.read', 'user.read', 'indicator.read', 'reconsideration.read', 'litigation.read', 'disclosure.read', 'item.read'],
    dataScope: 'all',
  },
];

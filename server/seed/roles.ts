import type { DataScope } from '../../common/permissions.ts';

/** Permission sets of the built-in roles, by area, so a reader sees who may do what. */
const READ_CORE = ['org.read', 'user.read', 'indicator.read'];
const CASES_READ = ['reconsideration.read', 'litigation.read', 'disclosure.read', 'mediation.read'];
const CASES_HANDLE = ['reconsideration.handle', 'litigation.handle', 'disclosure.handle', 'mediation.handle'];
const CASES_PERSONAL = ['reconsideration.personal', 'litigation.personal', 'disclosure.personal', 'mediation.personal'];
const PUBLISHING = ['item.read', 'item.edit'];
/** 法治政府建设年度报告: departments write their own; the rule-of-law office reviews and publishes; a leader signs. */
const REPORT_WRITE = ['report.read', 'report.edit'];
/** 法治建设第一责任人 registers (会前学法, 述法, 宪法宣誓, 学法培训): kept by each organisation for itself. */
const LEADERSHIP_MANAGE = ['leadership.read', 'leadership.manage'];

/** The roles every installation starts with (issue 2, plus 司法所工作人员 for mediation); administrators may add more. */
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
    permissions: [
      ...READ_CORE, 'audit.read', 'indicator.enter', 'indicator.approve', 'consultation.manage',
      ...CASES_READ, ...CASES_HANDLE, ...CASES_PERSONAL, ...PUBLISHING, 'item.review', 'mediation.manage',
      ...REPORT_WRITE, 'report.review', 'report.publish',
      ...LEADERSHIP_MANAGE,
    ],
    dataScope: 'all',
  },
  {
    key: 'department_staff',
    name: '部门工作人员',
    description: '各部门、乡镇（司法所、调委会）工作人员，办理本部门事项',
    permissions: [
      ...READ_CORE, 'indicator.enter', 'consultation.manage',
      ...CASES_READ, 'disclosure.handle', 'mediation.handle', ...PUBLISHING, 'mediation.manage', ...REPORT_WRITE,
      ...LEADERSHIP_MANAGE,
    ],
    dataScope: 'org',
  },
  {
    key: 'justice_office_staff',
    name: '司法所工作人员',
    description: '乡镇司法所工作人员，指导并办理本所及所辖调委会的人民调解',
    permissions: [...READ_CORE, 'indicator.enter', 'mediation.read', 'mediation.handle', 'mediation.personal', 'mediation.manage'],
    dataScope: 'org_and_below',
  },
  {
    key: 'leader',
    name: '领导',
    description: '县领导，全县只读；签发法治政府建设年度报告',
    permissions: [...READ_CORE, ...CASES_READ, 'item.read', 'leadership.read', 'report.read', 'report.sign'],
    dataScope: 'all',
  },
];

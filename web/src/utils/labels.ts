import { CORE_PERMISSIONS, DATA_SCOPES, ORG_KINDS } from '@common/permissions.ts';

export const orgKindLabels: Record<string, string> = ORG_KINDS;
export const dataScopeLabels: Record<string, string> = DATA_SCOPES;
export const permissionLabels: Record<string, string> = { '*': '全部权限', ...CORE_PERMISSIONS };

export const orgKindOptions = Object.entries(ORG_KINDS).map(([value, label]) => ({ value, label }));

export const loginResultLabels: Record<string, string> = {
  success: '登录成功',
  bad_password: '密码错误',
  unknown_user: '用户不存在',
  locked: '账号已锁定',
  locked_now: '失败过多，已锁定',
  disabled: '账号已停用',
};

export const loginResultOptions = Object.entries(loginResultLabels).map(([value, label]) => ({ value, label }));

/** Permission groups by the prefix before the dot; procedures add their own prefixes. */
export const permissionGroupLabels: Record<string, string> = {
  '*': '超级权限',
  org: '组织机构',
  user: '用户',
  role: '角色',
  dict: '字典',
  setting: '参数设置',
  audit: '审计日志',
  loginlog: '登录日志',
  calendar: '工作日历',
  docnumber: '发文字号',
  doctemplate: '文书模板',
  indicator: '统计指标',
};

export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.login.failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password.change': '修改密码',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.delete': '删除组织',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password.reset': '重置密码',
  'user.unlock': '解除锁定',
  'user.phone.view': '查看手机号',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'dict.create': '新建字典',
  'dict.item.create': '新增字典项',
  'dict.item.update': '修改字典项',
  'setting.update': '修改参数',
  'setting.reset': '恢复默认参数',
  'calendar.day.update': '修改日历',
  'calendar.year.import': '导入节假日安排',
  'calendar.seed': '初始化日历',
  'dict.seed': '初始化字典',
  'seed.demo': '初始化演示数据',
  'access.denied': '越权访问被拒绝',
  'docnumber.formats.update': '修改发文字号格式',
  'doctemplate.update': '修改文书措辞',
  'doctemplate.reset': '恢复默认措辞',
  'indicator.enter': '填报数据',
  'indicator.approve': '审核通过填报数据',
  'indicator.reject': '退回填报数据',
};

export const auditTargetLabels: Record<string, string> = {
  user: '用户',
  organization: '组织',
  role: '角色',
  dict: '字典',
  dict_item: '字典项',
  setting: '参数',
  calendar: '日历',
  calendar_day: '日历',
  route: '接口',
  doc_number_format: '发文字号格式',
  document_kind: '文书模板',
  entered_figure: '填报数据',
};

export function labelOf(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '';
  return map[key] ?? key;
}

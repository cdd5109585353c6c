/** Permission strings of the platform core (`area.verb`); procedures add their own as they register. */
export const CORE_PERMISSIONS = {
  'org.read': '查看组织机构',
  'org.manage': '管理组织机构',
  'user.read': '查看用户',
  'user.manage': '管理用户',
  'role.manage': '管理角色',
  'dict.manage': '管理字典',
  'setting.manage': '管理参数设置',
  'audit.read': '查看审计日志',
  'loginlog.read': '查看登录日志',
  'calendar.manage': '管理工作日历',
  'clock.watch': '立即检查全部期限',
  'doctemplate.manage': '管理文书模板措辞',
  'consultation.manage': '管理征求意见',
  'indicator.read': '查看统计指标',
  'indicator.enter': '填报统计数据',
  'indicator.approve': '审核填报数据',
} as const;

export type CorePermission = keyof typeof CORE_PERMISSIONS;

/** 数据范围: which records a role's permissions reach (DESIGN.md, organisation and access). */
export const DATA_SCOPES = {
  self: '本人',
  org: '本部门',
  org_and_below: '本部门及下级',
  custom: '指定部门',
  all: '全部',
} as const;

export type DataScope = keyof typeof DATA_SCOPES;

export const ORG_KINDS = {
  government: '人民政府',
  department: '部门',
  township: '乡镇（街道）',
  office: '科室 / 司法所',
  committee: '委员会 / 调委会',
} as const;

/** 主动公开 (政府信息公开条例第十九条至第二十六条): compose, review and publish items; read the staff lists. */
export const PUBLISHING_PERMISSIONS = {
  'item.read': '查看主动公开信息',
  'item.edit': '编写、提交主动公开信息',
  'item.review': '审核、发布、撤回主动公开信息',
} as const;

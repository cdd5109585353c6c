import { z } from 'zod';
import { defineSetting } from './registry.ts';

const LOCAL = '本地规定';

export const NEAR_DUE_WORKING_DAYS = defineSetting({
  key: 'clock.nearDueWorkingDays',
  title: '临期提醒阈值',
  group: '期限',
  schema: z.number().int().min(0).max(30),
  defaultValue: 3,
  unit: '工作日',
  basis: LOCAL,
  description: '法定期限届满前多少个工作日起显示为“临期”。',
});

export const COUNT_ADJUSTED_WORKDAYS = defineSetting({
  key: 'calendar.countAdjustedWorkdays',
  title: '调休上班日计为工作日',
  group: '期限',
  schema: z.boolean(),
  defaultValue: true,
  basis: `${LOCAL}（待确认：法律未明文规定，实践中一般计入，见 DOMAIN.md 日期计算说明）`,
  description: '国务院放假通知中的调休上班日（如 2024-09-29）是否计入“工作日”期限。',
});

export const MAX_FAILED_LOGINS = defineSetting({
  key: 'auth.maxFailedAttempts',
  title: '连续登录失败锁定次数',
  group: '安全',
  schema: z.number().int().min(3).max(20),
  defaultValue: 5,
  unit: '次',
  basis: `${LOCAL}（等级保护：登录失败处理）`,
});

export const LOCK_MINUTES = defineSetting({
  key: 'auth.lockMinutes',
  title: '账号锁定时长',
  group: '安全',
  schema: z.number().int().min(1).max(1440),
  defaultValue: 15,
  unit: '分钟',
  basis: `${LOCAL}（等级保护：登录失败处理）`,
});

export const SESSION_IDLE_MINUTES = defineSetting({
  key: 'auth.sessionIdleMinutes',
  title: '会话空闲超时',
  group: '安全',
  schema: z.number().int().min(5).max(1440),
  defaultValue: 120,
  unit: '分钟',
  basis: `${LOCAL}（等级保护：会话超时）`,
});

import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import type { Platform } from '../platform/context.ts';
import { seedDemoCounty } from '../seed/demo-county.ts';
import { seedReferenceData } from '../seed/reference-data.ts';
import { loadDazhu2024, type Dazhu2024Result } from '../seed/dazhu-2024/index.ts';
import { fail, withPlatform } from './open-platform.ts';

type Fixture = { title: string; load: (platform: Platform, options: { password?: string }) => Promise<Dazhu2024Result> };

/** Demo data sets built from a seed report, loaded through the services a user's data takes. */
const FIXTURES: Record<string, Fixture> = {
  'dazhu-2024': { title: '大竹县2024年（依据《大竹县2024年法治政府建设工作报告》）', load: loadDazhu2024 },
};

/** `fazhi demo --load dazhu-2024`: adds a county's year of records and entered figures beside the demo county. */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('加载演示数据（按报告构建的县级记录和填报数据，与示例县并存）')
    .option('--load <fixture>', `要加载的演示数据：${Object.keys(FIXTURES).join('、')}`)
    .action(async (options: { load?: string }) => {
      if (!options.load) {
        console.log('可加载的演示数据：');
        for (const [key, fixture] of Object.entries(FIXTURES)) console.log(`  ${key}  ${fixture.title}`);
        console.log('用法：fazhi demo --load <名称>');
        return;
      }
      const fixture = FIXTURES[options.load];
      if (!fixture) fail(`未知的演示数据：${options.load}（可选：${Object.keys(FIXTURES).join('、')}）`);
      const config = loadConfig();
      const outcome = await withPlatform(async (platform) => {
        // What a first server start does (reference data, built-in roles, demo county); a no-op afterwards.
        await seedReferenceData(platform);
        const seeded = await seedDemoCounty(platform, { adminPassword: config.adminPassword });
        if (seeded.generatedPassword) {
          console.log(`系统首次初始化：管理员账号 admin，初始密码 ${seeded.generatedPassword}（示例县演示账号 ${seeded.demoUsernames.join(', ')} 同一密码，首次登录须修改）`);
        }
        try {
          return await fixture.load(platform, { password: config.adminPassword });
        } catch (error) {
          if (error instanceof AppError && (error.code === 'ALREADY_EXISTS' || error.code === 'CALENDAR_MISSING' || error.code === 'NOT_FOUND')) return error;
          throw error;
        }
      });
      if (outcome instanceof AppError) fail(outcome.message);
      printSummary(fixture.title, outcome, !!config.adminPassword);
    });
}

function printSummary(title: string, result: Dazhu2024Result, isGivenPassword: boolean): void {
  const s = result.summary;
  console.log(`已加载演示数据：${title}`);
  console.log(`  组织机构 ${s.organisations} 个（根组织编码 dazhu），人民调解委员会 ${s.committees} 个`);
  console.log(`  行政复议 ${s.reconsideration} 件（审结 ${s.reconsiderationConcluded} 件），行政应诉 ${s.litigation} 件，政府信息公开申请 ${s.disclosure} 件`);
  console.log(`  人民调解 ${s.mediationHandled} 件（调解成功 ${s.mediationAgreed} 件，其中 ${s.ledgers} 份台账导入）`);
  console.log(`  填报数据 ${s.enteredFigures} 项（已审核）`);
  console.log(`  会前学法 ${s.studySessions} 次，述法 ${s.lawReports} 人，行政执法人员培训 ${s.enforcementTrainings} 场次`);
  const password = isGivenPassword ? '同 FAZHI_ADMIN_PASSWORD' : result.generatedPassword;
  console.log(`  2024年法治政府建设年度报告：已签发、已公开（门户 /items，管理端“法治政府建设年度报告”）`);
  console.log(`  账号：${result.users.staff.username}（县司法局，办案、填报）、${result.users.approver.username}（县司法局，审核）、${result.users.leader.username}（县领导，签发），初始密码：${password}，首次登录须修改`);
}

import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { withPlatform } from './open-platform.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('重新计算 SM3 审计链，校验是否被篡改（完好退出码 0，损坏退出码 1 并指出第一条损坏记录）')
    .action(async () => {
      const result = await withPlatform((platform) => verifyAuditChain(platform.db));
      if (result.ok) {
        console.log(`审计链完好：共 ${result.count} 条记录，链头哈希 ${result.headHash}`);
        return;
      }
      console.error(`审计链损坏：第一条损坏记录为第 ${result.brokenSeq} 条（${result.reason}）；此前 ${result.count} 条完好`);
      process.exitCode = 1;
    });
}

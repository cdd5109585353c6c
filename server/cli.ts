import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './cli/audit-commands.ts';
import { registerBackupCommands } from './cli/backup-commands.ts';
import { registerCalendarCommands } from './cli/calendar-commands.ts';
import { registerDemoCommands } from './cli/demo-commands.ts';
import { registerImportCommands } from './cli/import-commands.ts';
import { registerReportCommands } from './cli/report-commands.ts';

/** The `fazhi` command (bin/fazhi.mjs runs this through tsx). Exit codes: 0 ok, 1 check failed, 2 bad input. */
const program = new Command();
program.name('fazhi').description('法治政府建设工作平台 命令行工具').showHelpAfterError();
// Before registering: subcommands copy these settings, so usage errors throw instead of exiting 1.
program.exitOverride();
registerAuditCommands(program);
registerBackupCommands(program);
registerCalendarCommands(program);
registerDemoCommands(program);
registerImportCommands(program);
registerReportCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; every other usage error is bad input.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  console.error(`命令执行失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

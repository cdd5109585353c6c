import { Command } from 'commander';
import { registerAuditCommands } from './cli/audit-commands.ts';
import { registerCalendarCommands } from './cli/calendar-commands.ts';

/** The `fazhi` command (bin/fazhi.mjs runs this through tsx). Exit codes: 0 ok, 1 check failed, 2 bad input. */
const program = new Command();
program.name('fazhi').description('法治政府建设工作平台 命令行工具').showHelpAfterError();
registerAuditCommands(program);
registerCalendarCommands(program);

program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { exitCode?: number }).exitCode;
  process.exit(typeof code === 'number' && code !== 0 ? 2 : 0);
}

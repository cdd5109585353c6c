import { loadConfig } from './config.ts';
import { createPlatform } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { seedDemoCounty } from './seed/demo-county.ts';
import { seedReferenceData } from './seed/reference-data.ts';
import { scheduleClockWatch } from './platform/engine/clock-watch.ts';

const config = loadConfig();
const platform = await createPlatform(config);
await seedReferenceData(platform);
const seeded = await seedDemoCounty(platform, { adminPassword: config.adminPassword });
if (seeded.generatedPassword) {
  // Printed once, on the first start only; the administrator must change it at first login.
  console.log('\n================ 初始账号 ================');
  console.log(`管理员账号: admin   初始密码: ${seeded.generatedPassword}`);
  console.log(`演示账号 ${seeded.demoUsernames.join(', ')} 使用同一初始密码，首次登录须修改密码。`);
  console.log('==========================================\n');
}
const app = await buildApp(platform, { trustProxy: config.trustProxy });
const stopClockWatch = scheduleClockWatch(platform);
await app.listen({ port: config.port, host: config.host });
console.log(`Fazhi 已启动：http://localhost:${config.port}/admin/  （数据库：${platform.dialect}）`);

const shutdown = async () => {
  stopClockWatch();
  await app.close();
  await platform.db.destroy();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

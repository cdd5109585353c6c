// Builds the admin UI (web/dist) only when it is missing or older than its sources; silent otherwise.
// Used by `npm start` and by `npm test` before the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const viteConfig = path.join(web, 'vite.config.ts');
const builtIndex = path.join(web, 'dist', 'index.html');
// The UI imports shared enums and schemas from common/ (alias @common), so those count as sources too.
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => path.join(web, p));
sources.push(path.join(root, 'common'));

if (!fs.existsSync(viteConfig)) {
  console.log('管理界面尚未建立（缺少 web/vite.config.ts），跳过构建。');
  process.exit(0);
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const newest = Math.max(...sources.map(newestMtime));
if (builtAt && builtAt >= newest) process.exit(0);

console.log(builtAt ? '管理界面源码已更新，正在重新构建 web/dist …' : '正在构建管理界面 web/dist …');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const [command, args] = fs.existsSync(vite)
  ? [process.execPath, [vite, 'build', '--config', viteConfig, '--logLevel', 'warn']]
  : ['npx', ['vite', 'build', '--config', viteConfig, '--logLevel', 'warn']];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('管理界面构建失败（vite build），请查看上方错误。');
  process.exit(result.status ?? 1);
}
console.log('管理界面构建完成。');

function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newestInDir = stat.mtimeMs;
  for (const entry of fs.readdirSync(file, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newestInDir = Math.max(newestInDir, newestMtime(path.join(file, entry.name)));
  }
  return newestInDir;
}

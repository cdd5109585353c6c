import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BLOB_PATH, type FileItem } from './manifest.ts';

/** The sha256 of a file, read as a stream (blobs can be large). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Every blob under <dataDir>/files (files/<aa>/<sha256>), with its size and the sha256 of its content,
 * sorted by path. Temporary files of uploads in progress (*.tmp) and anything else are not blobs.
 */
export async function listBlobs(dataDir: string): Promise<FileItem[]> {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  const items: FileItem[] = [];
  for (const dir of fs.readdirSync(root).sort()) {
    const full = path.join(root, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const name of fs.readdirSync(full).sort()) {
      const relative = `files/${dir}/${name}`;
      const file = path.join(full, name);
      const stat = fs.lstatSync(file);
      if (!BLOB_PATH.test(relative) || !stat.isFile()) continue;
      items.push({ path: relative, size: stat.size, sha256: await sha256OfFile(file) });
    }
  }
  return items;
}

/** A blob whose content does not hash to its name was damaged on disk. */
export function isIntact(item: FileItem): boolean {
  return path.posix.basename(item.path) === item.sha256;
}

/** Whether a directory is absent or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

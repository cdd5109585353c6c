import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Attachments live outside the database, content-addressed under <dataDir>/files/<aa>/<sha256>: the same
 * bytes are kept once however often they are uploaded, and a stored path can be checked against its hash.
 */
export function sha256Of(buffer: Buffer): string {
  return crypto.createHash('sha256').update(buffer).digest('hex');
}

export function blobStoragePath(sha256: string): string {
  return path.posix.join('files', sha256.slice(0, 2), sha256);
}

/** The absolute path of a stored blob; refuses anything that would leave <dataDir>/files. */
export function blobAbsolutePath(dataDir: string, storagePath: string): string {
  const root = path.resolve(dataDir, 'files');
  const full = path.resolve(dataDir, storagePath);
  if (!full.startsWith(root + path.sep)) throw new Error(`storage path outside the file store: ${storagePath}`);
  return full;
}

/**
 * Writes the bytes unless an intact copy is already there. Written to a temporary file in the same
 * directory, flushed, then renamed into place: readers never see half a file, and concurrent writers of
 * the same content each rename a complete copy. A blob whose transaction later rolls back stays behind,
 * unreferenced and harmless (the same content is reused by the next upload).
 */
export async function writeBlob(dataDir: string, buffer: Buffer): Promise<{ sha256: string; storagePath: string; isNew: boolean }> {
  const sha256 = sha256Of(buffer);
  const storagePath = blobStoragePath(sha256);
  const full = blobAbsolutePath(dataDir, storagePath);
  const existing = await fs.promises.stat(full).catch(() => null);
  if (existing?.isFile() && existing.size === buffer.length) return { sha256, storagePath, isNew: false };
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  const temp = `${full}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.promises.open(temp, 'wx', 0o640);
  try {
    await handle.writeFile(buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temp, full);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  return { sha256, storagePath, isNew: true };
}

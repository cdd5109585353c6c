import zlib from 'node:zlib';

/**
 * Just enough of the ZIP format to recognise OOXML and OFD packages by their contents: the central
 * directory's names and one small entry. Bounded everywhere, so a hostile archive cannot make us
 * read past the buffer or inflate a bomb; anything odd answers null.
 */
type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;
}

export function listZipEntries(buffer: Buffer): ZipEntry[] | null {
  try {
    const end = findEndOfCentralDirectory(buffer);
    if (end < 0) return null;
    const count = buffer.readUInt16LE(end + 10);
    let at = buffer.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return null;
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      if (at + 46 + nameLength > buffer.length) return null;
      entries.push({
        name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
        method: buffer.readUInt16LE(at + 10),
        compressedSize: buffer.readUInt32LE(at + 20),
        size: buffer.readUInt32LE(at + 24),
        localOffset: buffer.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch {
    return null;
  }
}

/** The entry's bytes (stored or deflated), or null when missing, malformed or larger than maxBytes. */
export function readZipEntry(buffer: Buffer, name: string, maxBytes: number): Buffer | null {
  const entry = listZipEntries(buffer)?.find((e) => e.name === name);
  if (!entry || entry.size > maxBytes) return null;
  try {
    const at = entry.localOffset;
    if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) return null;
    const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buffer.length) return null;
    const raw = buffer.subarray(start, end);
    if (entry.method === 0) return raw;
    if (entry.method === 8) return zlib.inflateRawSync(raw, { maxOutputLength: maxBytes });
    return null;
  } catch {
    return null;
  }
}

/** The End Of Central Directory record sits in the last 22 bytes plus up to 64 KiB of comment. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

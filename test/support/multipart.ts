/** A multipart/form-data body for app.inject: text fields and files. */
export function multipart(parts: { name: string; value: string | Buffer; filename?: string }[]): { body: Buffer; contentType: string } {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename == null ? '' : `; filename="${part.filename}"; filename*=UTF-8''${encodeURIComponent(part.filename)}`;
    const type = part.filename == null ? '' : '\r\nContent-Type: application/octet-stream';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

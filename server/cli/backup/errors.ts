/** A backup or restore that cannot go on: a Chinese message and the CLI's exit code (2 bad input, 1 failed check). */
export class BackupError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
  }
}

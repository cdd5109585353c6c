const SETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%^&*-_+='];

function randomIndex(length: number): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % length;
}

/** A 12-character temporary password holding all four character classes (meets the server's policy). */
export function generatePassword(length = 12): string {
  const all = SETS.join('');
  const chars = SETS.map((set) => set.charAt(randomIndex(set.length)));
  while (chars.length < length) chars.push(all.charAt(randomIndex(all.length)));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    const swap = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = swap;
  }
  return chars.join('');
}

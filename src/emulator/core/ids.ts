// Ids for emulated objects: random for objects created at run time, stable (hashed from a
// name) for seed objects so tests and links can refer to them.

export function newId(): string {
  return crypto.randomUUID();
}

/** A GUID derived from a name, so the same seed always yields the same ids. */
export function stableId(name: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i) + round * 31;
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (c + h1), 0x5bd1e995) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

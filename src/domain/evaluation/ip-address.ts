// IPv4 and IPv6 addresses and CIDR ranges, parsed into bytes and compared bit by bit, for IP named
// locations. Written here rather than taken from a package: the domain stays free of dependencies,
// and the rules are few (dotted quads; IPv6 groups with one '::' and an optional IPv4 tail).

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

export interface CidrRange extends IpAddress {
  prefix: number;
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    // No signs, spaces or leading zeros ("010" is octal to some parsers and a typo to everyone else).
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

function groupsOf(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [i, part] of parts.entries()) {
    // The last part may be an IPv4 address (::ffff:192.0.2.1), worth two groups.
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return null;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  // '::' stands for at least one zero group; without it there must be exactly eight.
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** An address, or null when the text is not one (zone ids such as %eth0 are not public addresses). */
export function parseIpAddress(text: string): IpAddress | null {
  const value = text.trim();
  if (value.includes(':')) {
    const bytes = parseIpv6(value);
    return bytes ? { version: 6, bytes } : null;
  }
  const bytes = parseIpv4(value);
  return bytes ? { version: 4, bytes } : null;
}

/** A CIDR range (address/prefix), or a message saying what is wrong with it. */
export function parseCidr(text: string): CidrRange | { error: string } {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const ip = parseIpAddress(address);
  if (!ip || rest.length > 0) return { error: `'${text}' is not an IPv4 or IPv6 range in CIDR notation` };
  const max = ip.version === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefix: max };
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > max)
    return { error: `'${text}': the prefix length of an IPv${ip.version} range is 0 to ${max}` };
  return { ...ip, prefix: Number(prefixText) };
}

/** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is the IPv4 address, as networks treat it. */
function asIpv4(ip: IpAddress): IpAddress | null {
  if (ip.version === 4) return ip;
  const b = ip.bytes;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return null;
  if (b[10] !== 0xff || b[11] !== 0xff) return null;
  return { version: 4, bytes: b.slice(12) };
}

/** Whether the address lies in the range: the first `prefix` bits agree. */
export function inCidr(ip: IpAddress, range: CidrRange): boolean {
  const address = range.version === 4 ? asIpv4(ip) : ip.version === 6 ? ip : null;
  if (!address) return false;
  const whole = range.prefix >> 3;
  for (let i = 0; i < whole; i++) if (address.bytes[i] !== range.bytes[i]) return false;
  const bits = range.prefix & 7;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (address.bytes[whole]! & mask) === (range.bytes[whole]! & mask);
}

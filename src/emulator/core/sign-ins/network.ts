// IPv4 and IPv6 addresses against CIDR ranges, for IP named locations.

/** The address as a bigint and its width in bits, or null when it is not an address. */
function parse(address: string): { value: bigint; bits: number } | null {
  if (address.includes(':')) {
    const [head = '', tail] = address.split('::');
    if (address.split('::').length > 2) return null;
    const groups = (part: string) => (part ? part.split(':') : []);
    const left = groups(head);
    const right = tail === undefined ? [] : groups(tail);
    const missing = 8 - left.length - right.length;
    if (tail === undefined ? left.length !== 8 : missing < 0) return null;
    const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
    if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
    return { value: all.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group, 16)), 0n), bits: 128 };
  }
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return { value: parts.reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n), bits: 32 };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
function ipv4(address: string): number | null {
  const match = IPV4.exec(address);
  if (!match) return null;
  let value = 0;
  for (let index = 1; index <= 4; index++) {
    const part = Number(match[index]);
    if (part > 255) return null;
    value = value * 256 + part;
  }
  return value;
}

export function inCidr(address: string, cidr: string): boolean {
  const [base = '', prefixText] = cidr.split('/');
  // IPv4 in plain numbers: most sign-ins, and much faster than bigints.
  const ip4 = ipv4(address);
  const base4 = ipv4(base);
  if (ip4 !== null && base4 !== null) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
    const size = 2 ** (32 - prefix);
    return Math.floor(ip4 / size) === Math.floor(base4 / size);
  }
  const ip = parse(address);
  const range = parse(base);
  if (!ip || !range || ip.bits !== range.bits) return false;
  const prefix = prefixText === undefined ? range.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > range.bits) return false;
  const shift = BigInt(range.bits - prefix);
  return ip.value >> shift === range.value >> shift;
}

export function isIpAddress(address: string): boolean {
  return parse(address) !== null;
}

/** A range read once, for testing many addresses: what the decider does with named locations. */
export function cidrTest(cidr: string): (address: string) => boolean {
  const [base = '', prefixText] = cidr.split('/');
  const base4 = ipv4(base);
  if (base4 !== null) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return () => false;
    const size = 2 ** (32 - prefix);
    const start = Math.floor(base4 / size);
    return (address) => {
      const ip = ipv4(address);
      return ip !== null && Math.floor(ip / size) === start;
    };
  }
  return (address) => !address.includes('.') && inCidr(address, cidr);
}

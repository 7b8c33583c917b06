import { describe, expect, it } from 'vitest';
import { inCidr, parseCidr, parseIpAddress, type CidrRange, type IpAddress } from './ip-address';

const ip = (text: string): IpAddress => {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`test address ${text} does not parse`);
  return parsed;
};
const range = (text: string): CidrRange => {
  const parsed = parseCidr(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};
const within = (address: string, cidr: string) => inCidr(ip(address), range(cidr));

describe('IPv4', () => {
  it('parses dotted quads and refuses what is not one', () => {
    expect(ip('203.0.113.7').bytes).toEqual(new Uint8Array([203, 0, 113, 7]));
    for (const bad of ['203.0.113', '203.0.113.256', '203.0.113.07', '1.2.3.4.5', '-1.2.3.4', 'a.b.c.d', ''])
      expect(parseIpAddress(bad), bad).toBeNull();
  });

  it('matches by prefix, from /0 to /32', () => {
    expect(within('203.0.113.7', '203.0.113.0/24')).toBe(true);
    expect(within('203.0.114.7', '203.0.113.0/24')).toBe(false);
    expect(within('198.51.100.31', '198.51.100.16/28')).toBe(true);
    expect(within('198.51.100.32', '198.51.100.16/28')).toBe(false);
    expect(within('198.51.100.15', '198.51.100.16/28')).toBe(false);
    expect(within('8.8.8.8', '0.0.0.0/0')).toBe(true);
    expect(within('192.0.2.1', '192.0.2.1/32')).toBe(true);
    expect(within('192.0.2.2', '192.0.2.1/32')).toBe(false);
    // A range written with host bits set still means its network.
    expect(within('192.0.2.200', '192.0.2.130/25')).toBe(true);
    expect(within('192.0.2.100', '192.0.2.130/25')).toBe(false);
  });

  it('refuses prefixes outside 0 to 32', () => {
    expect(parseCidr('192.0.2.0/33')).toEqual({ error: expect.stringContaining('0 to 32') });
    expect(parseCidr('192.0.2.0/-1')).toHaveProperty('error');
    expect(parseCidr('192.0.2.0/24/1')).toHaveProperty('error');
  });
});

describe('IPv6', () => {
  it('expands :: wherever it stands', () => {
    expect(ip('::').bytes).toEqual(new Uint8Array(16));
    expect(ip('::1').bytes[15]).toBe(1);
    expect(ip('2001:db8::').bytes.slice(0, 4)).toEqual(new Uint8Array([0x20, 0x01, 0x0d, 0xb8]));
    expect(ip('2001:db8::1:0:0:1')).toEqual(ip('2001:0db8:0000:0000:0001:0000:0000:0001'));
    expect(ip('2001:DB8::A')).toEqual(ip('2001:db8:0:0:0:0:0:a'));
  });

  it('reads an IPv4 tail', () => {
    expect(ip('::ffff:192.0.2.1').bytes.slice(10)).toEqual(new Uint8Array([0xff, 0xff, 192, 0, 2, 1]));
  });

  it('refuses malformed addresses', () => {
    for (const bad of [
      '2001:db8::1::1',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '2001:db8:::1',
      '12345::',
      'fe80::1%eth0',
      ':1:2:3:4:5:6:7',
      'g::1',
    ])
      expect(parseIpAddress(bad), bad).toBeNull();
    // '::' must stand for at least one group.
    expect(parseIpAddress('1:2:3:4::5:6:7:8')).toBeNull();
  });

  it('matches by prefix, from /0 to /128', () => {
    expect(within('2001:db8:1200:5::42', '2001:db8:1200::/48')).toBe(true);
    expect(within('2001:db8:1201::42', '2001:db8:1200::/48')).toBe(false);
    expect(within('2001:db8:1200::1', '2001:db8:1200::/47')).toBe(true);
    expect(within('2001:db8:1201::1', '2001:db8:1200::/47')).toBe(true);
    expect(within('2001:db8:1202::1', '2001:db8:1200::/47')).toBe(false);
    expect(within('::1', '::/0')).toBe(true);
    expect(within('2001:db8::1', '2001:db8::1/128')).toBe(true);
    expect(within('2001:db8::2', '2001:db8::1/128')).toBe(false);
    expect(parseCidr('2001:db8::/129')).toEqual({ error: expect.stringContaining('0 to 128') });
  });

  it('keeps the families apart, except IPv4 written as IPv6', () => {
    expect(within('203.0.113.7', '::/0')).toBe(false);
    expect(within('2001:db8::1', '0.0.0.0/0')).toBe(false);
    expect(within('::ffff:203.0.113.7', '203.0.113.0/24')).toBe(true);
  });
});

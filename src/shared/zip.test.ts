import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, readZip, writeZip, ZipError } from './zip';

const text = (value: string) => new TextEncoder().encode(value);

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(text('123456789')).toString(16)).toBe('cbf43926');
  });

  it('reads back what it wrote, names with accents included', async () => {
    const entries = [
      { path: 'backup/manifest.json', bytes: text('{"a":1}\n') },
      { path: 'backup/policies/Zugriff-für-Gäste.json', bytes: text('{}\n') },
    ];
    const read = await readZip(writeZip(entries, new Date('2026-11-30T12:00:00')));
    expect(read.map((e) => [e.path, new TextDecoder().decode(e.bytes)])).toEqual([
      ['backup/manifest.json', '{"a":1}\n'],
      ['backup/policies/Zugriff-für-Gäste.json', '{}\n'],
    ]);
  });

  it('reads deflated entries, as other tools write them', async () => {
    const zip = writeZip([{ path: 'a.json', bytes: text('x') }]);
    // Rewrite the one entry as deflated: method 8 and the compressed bytes in place of the stored ones.
    const body = deflateRawSync(Buffer.from('{"deflated":true}'));
    const name = text('a.json');
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, 17, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(10, 8, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, 17, true);
    central.setUint16(28, name.length, true);
    const localPart = [new Uint8Array(local.buffer), name, body];
    const localSize = localPart.reduce((s, p) => s + p.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, 1, true);
    end.setUint16(10, 1, true);
    end.setUint32(12, 46 + name.length, true);
    end.setUint32(16, localSize, true);
    const deflated = Buffer.concat([...localPart, new Uint8Array(central.buffer), name, new Uint8Array(end.buffer)]);
    expect(zip.length).toBeGreaterThan(0);
    const [entry] = await readZip(new Uint8Array(deflated));
    expect(new TextDecoder().decode(entry!.bytes)).toBe('{"deflated":true}');
  });

  it('says when a file is not a zip', async () => {
    await expect(readZip(text('{"not":"a zip"}'))).rejects.toThrow(ZipError);
  });
});

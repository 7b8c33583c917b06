// Text from a file's bytes, as exports are saved in the wild: UTF-8 or UTF-16, with or without a byte order mark.

/** Decodes bytes by their byte order mark, or by the zero bytes UTF-16 text is full of. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const sample = bytes.subarray(0, 200);
  const oddZeros = sample.filter((b, i) => i % 2 === 1 && b === 0).length;
  const evenZeros = sample.filter((b, i) => i % 2 === 0 && b === 0).length;
  if (oddZeros > sample.length / 4) return new TextDecoder('utf-16le').decode(bytes);
  if (evenZeros > sample.length / 4) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('scrubs every noted secret, bearer tokens, JWTs and credential form fields, and leaves other words', () => {
    const redactor = createRedactor();
    redactor.note('s3cret-value-42');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    const text = `secret s3cret-value-42; Authorization: Bearer abc.def-ghi.jkl-mno-pqr; token ${jwt}; body client_secret=xyz&client_assertion=abc&scope=x`;
    expect(redactor.redact(text)).toBe(
      'secret [redacted]; Authorization: Bearer [redacted]; token [redacted token]; body client_secret=[redacted]&client_assertion=[redacted]&scope=x',
    );
    // Words are not tokens: a policy may be called so.
    for (const words of ['Backed up Contoso to ca: 35 policies', "'Bearer tokens: block legacy clients' (On)"])
      expect(redactor.redact(words)).toBe(words);
  });
});

import { describe, expect, it } from 'vitest';
import { isolatedText } from './isolated-text';

describe('isolatedText', () => {
  it('closes a name’s direction controls inside an isolate, and leaves an ordinary name as it is', () => {
    expect(isolatedText('Block \u202Eevil')).toBe('\u2068Block \u202Eevil\u2069');
    expect(isolatedText('CA001: Require MFA')).toBe('CA001: Require MFA');
  });
});

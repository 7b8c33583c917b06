import { describe, expect, it } from 'vitest';
import { isolatedText } from './isolated-text';

describe('isolatedText', () => {
  it('shows a name’s direction controls as escapes, and leaves an ordinary name as it is', () => {
    expect(isolatedText('Block \u202Eevil')).toBe('Block \\u202Eevil');
    expect(isolatedText('CA001: Require MFA')).toBe('CA001: Require MFA');
    expect(isolatedText('Zugriff für Gäste, 多要素認証')).toBe('Zugriff für Gäste, 多要素認証');
  });

  it('isolates a name in a right-to-left script, which would otherwise take a following number or quote into its run', () => {
    expect(isolatedText('מדיניות 2')).toBe('\u2068מדיניות 2\u2069');
    expect(isolatedText('سياسة الوصول')).toBe('\u2068سياسة الوصول\u2069');
  });
});

import { describe, expect, it } from 'vitest';
import { runRules } from './rules';
import { changesDirection, invisibleCharactersIn } from './invisible-characters';

describe('invisible characters in a name', () => {
  it('names each direction control and zero-width character once, by code point', () => {
    expect(invisibleCharactersIn('Block \u202Eevil\u202E\u200B')).toEqual(['U+202E (right-to-left override)', 'U+200B (zero-width space)']);
    expect(changesDirection('Block \u2067x')).toBe(true);
  });

  it('names a line break, a tab and other control characters, which split a name over lines where printed raw', () => {
    expect(invisibleCharactersIn('CA099 \u202Ekcolb\n::warning\r\t\u0085\u2028\u001B[31m')).toEqual([
      'U+202E (right-to-left override)',
      'U+000A (line feed)',
      'U+000D (carriage return)',
      'U+0009 (tab)',
      'U+0085 (next line)',
      'U+2028 (line separator)',
      'U+001B (control character)',
    ]);
    expect(
      runRules({ displayName: 'CA100\n- update policy: fake line' }).find((f) => f.rule === 'name-invisible-characters')?.message,
    ).toBe('The name holds characters that change how it reads: U+000A (line feed). Type the name again without them.');
  });

  it('leaves ordinary names alone, right-to-left scripts and emoji joiners included', () => {
    expect(invisibleCharactersIn('CA001: Require MFA · حظر الوصول 👩\u200D💻')).toEqual([]);
    expect(changesDirection('حظر الوصول')).toBe(false);
  });

  it('is a warning of the editor and the lint, never a blocked save', () => {
    const findings = runRules({ displayName: 'Block \u202Eevil' }).filter((f) => f.rule === 'name-invisible-characters');
    expect(findings).toEqual([
      {
        path: ['displayName'],
        severity: 'warning',
        rule: 'name-invisible-characters',
        message: 'The name holds characters that change how it reads: U+202E (right-to-left override). Type the name again without them.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { runRules } from './rules';
import { changesDirection, invisibleCharactersIn } from './invisible-characters';

describe('invisible characters in a name', () => {
  it('names each direction control and zero-width character once, by code point', () => {
    expect(invisibleCharactersIn('Block \u202Eevil\u202E\u200B')).toEqual(['U+202E (right-to-left override)', 'U+200B (zero-width space)']);
    expect(changesDirection('Block \u2067x')).toBe(true);
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
        message:
          'The name holds invisible characters that change how it reads: U+202E (right-to-left override). Type the name again without them.',
      },
    ]);
  });
});

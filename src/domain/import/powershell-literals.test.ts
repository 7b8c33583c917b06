import { describe, expect, it } from 'vitest';
import { blankComments, PowerShellSyntaxError, PsToken, readPsValue } from './powershell-literals';

const entries = (text: string) => {
  const value = readPsValue(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof PsToken) throw new Error('not a hashtable');
  return Object.fromEntries(value.entries);
};

describe('readPsValue', () => {
  it('reads the literals DSC configurations use', () => {
    expect(
      entries(`@{
        Single = 'it''s'; Double = "say ""hi"" and \`"quote\`""
        Yes = $True
        No = $false
        Nothing = $null
        Count = 42
        Ratio = -1.5
        Bare = Present
        List = @("a", 'b'
                 "c")
        Commas = "x", "y"
        Empty = @()
        Nested = @{ Inner = @(1, 2) }
        Cast = [System.String]"typed"
      }`),
    ).toEqual({
      Single: "it's",
      Double: 'say "hi" and "quote"',
      Yes: true,
      No: false,
      Nothing: null,
      Count: 42,
      Ratio: -1.5,
      Bare: 'Present',
      List: ['a', 'b', 'c'],
      Commas: ['x', 'y'],
      Empty: [],
      Nested: { entries: [['Inner', [1, 2]]], lines: [13] },
      Cast: 'typed',
    });
  });

  it('keeps variables and expressions as tokens, never evaluated', () => {
    const read = entries(
      '@{ Who = $Domain; What = $($ConfigurationData.NonNodeData.Group); Where = $ConfigurationData.Site; Upn = "admin@$Domain" }',
    );
    expect(read.Who).toEqual(new PsToken('$Domain'));
    expect(read.What).toEqual(new PsToken('$($ConfigurationData.NonNodeData.Group)'));
    expect(read.Where).toEqual(new PsToken('$ConfigurationData.Site'));
    expect(read.Upn).toBe('admin@$Domain');
  });

  it('skips comments but not a # inside a string, and reads here-strings', () => {
    expect(blankComments("a = 'x#y' # note\n<# block\n #>b")).toBe("a = 'x#y'       \n        \n   b");
    expect(entries('@{\n  Rule = @"\nline one\nline "two"\n"@\n}')).toEqual({ Rule: 'line one\nline "two"' });
  });

  it('says on which line a value breaks', () => {
    const read = () => readPsValue('@{\n  A = "one"\n  B = @("two"\n}');
    expect(read).toThrow(PowerShellSyntaxError);
    expect(read).toThrow('Unexpected “}” at line 4');
  });
});

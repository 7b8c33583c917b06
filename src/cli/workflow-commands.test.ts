import { describe, expect, it } from 'vitest';
import { withoutWorkflowCommands } from './workflow-commands';

describe('withoutWorkflowCommands', () => {
  it('escapes a line that would start a GitHub workflow command, and "##[" or "##vso[" anywhere', () => {
    expect(withoutWorkflowCommands("CA099 kcolb\n::warning title=Gatehouse::All policies OK' (On)\n")).toBe(
      "CA099 kcolb\n\\u003A:warning title=Gatehouse::All policies OK' (On)\n",
    );
    expect(withoutWorkflowCommands('  ::add-mask::x')).toBe('  \\u003A:add-mask::x');
    expect(withoutWorkflowCommands('\u00A0::error::x')).toBe('\u00A0\\u003A:error::x');
    expect(withoutWorkflowCommands('x\n\u0085::warning::x')).toBe('x\n\u0085\\u003A:warning::x');
    expect(withoutWorkflowCommands("- update policy 'a ##vso[task.setvariable variable=x]1' and ##[error]b")).toBe(
      "- update policy 'a ##vso\\u005Btask.setvariable variable=x]1' and ##\\u005Berror]b",
    );
    expect(withoutWorkflowCommands('x ##VSO[task.complete result=Succeeded]')).toBe('x ##VSO\\u005Btask.complete result=Succeeded]');
  });

  it('leaves the command line’s own words, IPv6 ranges and JSON values as they are', () => {
    expect(withoutWorkflowCommands('    ::1/128\n')).toBe('    ::1/128\n');
    const words = "warning block-all  'CA001: Require MFA' (On): 2001:db8::/32 and ::1/128 # not a command";
    expect(withoutWorkflowCommands(words)).toBe(words);
    const json = JSON.stringify({ name: '##vso[x]', other: '::warning' }, null, 2);
    expect(JSON.parse(withoutWorkflowCommands(json))).toEqual({ name: '##vso[x]', other: '::warning' });
  });
});

// @vitest-environment jsdom
// The Checks beside the JSON name who the change could lock out, in the review's words, instead of
// "No problems found."; broken JSON says why the state switch and the lists are not there to use.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { EditorSidePanel } from './editor-side-panel';

afterEach(cleanup);

const blocksEveryone = {
  displayName: 'Block everyone',
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
} as ConditionalAccessPolicy;

const panel = (props: Partial<Parameters<typeof EditorSidePanel>[0]>) =>
  render(
    <EditorSidePanel
      policy={blocksEveryone}
      parseError={null}
      findings={[]}
      names={undefined}
      onStateChange={() => {}}
      pickers={<p>the pickers</p>}
      {...props}
    />,
  );

describe('EditorSidePanel', () => {
  it('lists the lock-out risks among the checks', () => {
    panel({ risks: [{ who: 'Ada Lindqvist (you)', why: 'It applies to all users and blocks access.' }] });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('This could lock people out — Ada Lindqvist (you): It applies to all users and blocks access.');
    expect(checks.textContent).not.toContain('No problems found.');
  });

  it('says what Graph refuses in words first, its error number after them', () => {
    panel({ findings: [{ path: ['state'], severity: 'error', code: '1007', message: 'State must be one of On, Off, Report-only.' }] });
    const checks = screen.getByRole('region', { name: /^Checks/ });
    expect(checks.textContent).toContain('State must be one of On, Off, Report-only. (Graph error 1007)');
    expect(checks.textContent).not.toContain('1007:');
  });

  it('says the JSON must be fixed before the state and the lists can be used', () => {
    panel({ policy: null, parseError: 'The text is not valid JSON: an unexpected character at line 1, column 1.' });
    expect(screen.getByRole('radiogroup').getAttribute('aria-describedby')).toBe('state-unavailable');
    expect(document.getElementById('state-unavailable')?.textContent).toBe('Fix the JSON to use these.');
    expect(screen.getByText('Fix the JSON to use the include and exclude lists.')).toBeTruthy();
    expect(screen.queryByText('the pickers')).toBeNull();
  });
});

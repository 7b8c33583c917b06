// @vitest-environment jsdom
// The answers below the form are for the sign-in as it was at Evaluate: once the form describes another
// (the platform changed), they are marked as such until Evaluate is pressed again, and the focus stays
// where the change is made.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requirementsOf } from '../../domain/evaluation/evaluate-policies';
import type * as FormModule from './scenario-form';
import type { ScenarioDraft } from './scenario-form';
import type { WhatIfAnswers } from './use-what-if';
import { WhatIfPage } from './what-if-page';

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { tenantId: 'tenant-1', key: 'account-1' }, scopeKey: ['tenant', 'test'], client: {} }),
}));
vi.mock('react-router', () => ({ useSearchParams: () => [new URLSearchParams()] }));
vi.mock('../../policy-ui/draft-store', () => ({ draftStore: { list: () => [] } }));
vi.mock('./scenario-store', () => ({ useScenarios: () => [[], () => true] }));
vi.mock('./scenario-suite-panel', () => ({ ScenarioSuitePanel: () => null }));
vi.mock('./engine-agreement', () => ({ EngineAgreement: () => null }));
// The directory's word on an agent user is what-if-page-saved-agent.test's.
vi.mock('./agent-user-mark', () => ({ useAgentUserMark: () => {} }));
vi.mock('./use-what-if', () => ({
  useWhatIf: (): WhatIfAnswers => ({
    graph: { data: [], error: null, isFetching: false } as unknown as WhatIfAnswers['graph'],
    graphUnavailable: null,
    saved: { results: [], enforced: requirementsOf([]), reportOnly: requirementsOf([]) },
    draft: null,
    preparing: false,
    engineError: null,
    askAgainWhatFailed: () => {},
  }),
}));
// The form's pickers search the directory: a stand-in sets who and what, and the platform.
vi.mock('./scenario-form', async (actual) => ({
  ...(await actual<typeof FormModule>()),
  ScenarioForm: ({ value, onChange }: { value: ScenarioDraft; onChange(next: ScenarioDraft): void }) => (
    <>
      <button
        onClick={() =>
          onChange({
            ...value,
            identity: { kind: 'user', id: 'u1', name: 'Ada' },
            target: { kind: 'application', appId: 'app1', name: 'Mail' },
          })
        }
      >
        Choose Ada and Mail
      </button>
      <label>
        Platform
        <select
          value={value.conditions.devicePlatform}
          onChange={(event) =>
            onChange({ ...value, conditions: { ...value.conditions, devicePlatform: event.target.value as 'windows' | 'iOS' } })
          }
        >
          <option value="windows">Windows</option>
          <option value="iOS">iOS</option>
        </select>
      </label>
    </>
  ),
}));

afterEach(cleanup);

const OUTDATED = /^These answers are for the sign-in as it was when you pressed Evaluate/;

describe('What if, the answers after the form is changed', () => {
  it('are marked as for the sign-in as it was at Evaluate, until Evaluate is pressed again', () => {
    render(<WhatIfPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose Ada and Mail' }));
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(screen.getByRole('table', { name: 'Each policy for this scenario' })).toBeTruthy();
    expect(screen.queryByText(OUTDATED)).toBeNull();

    const platform = screen.getByRole('combobox', { name: 'Platform' });
    platform.focus();
    fireEvent.change(platform, { target: { value: 'iOS' } });
    expect(screen.getByText(OUTDATED)).toBeTruthy();
    expect(document.activeElement).toBe(platform);

    // Back as it was: the answers are its own again.
    fireEvent.change(platform, { target: { value: 'windows' } });
    expect(screen.queryByText(OUTDATED)).toBeNull();

    fireEvent.change(platform, { target: { value: 'iOS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(screen.queryByText(OUTDATED)).toBeNull();
  });
});

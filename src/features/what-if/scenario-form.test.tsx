// @vitest-environment jsdom
// The scenario's pickers are named after the labels the admin sees (WCAG 2.5.3, label in name): a
// voice user who says "click User signing in" reaches the box under that label.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONDITIONS } from '../../domain/evaluation/scenario';
import { ScenarioForm, type ScenarioDraft } from './scenario-form';

// The pickers search only once something is typed: a session that is never asked anything.
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ scopeKey: ['tenant', 'test'], client: {} }) }));

afterEach(cleanup);

const draft: ScenarioDraft = { id: 's1', name: 'New scenario', identity: null, target: null, conditions: DEFAULT_CONDITIONS };

function Form() {
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ScenarioForm value={draft} onChange={() => {}} />
    </QueryClientProvider>
  );
}

/** The search box under a visible label, found by an accessible name that starts with that label. */
function pickerUnder(visible: string) {
  const box = screen.getByRole('combobox', { name: new RegExp(`^${visible}\\b`) });
  expect(document.querySelector(`label[for="${box.id}"]`)?.textContent).toMatch(new RegExp(`^${visible}\\W*$`));
  expect(box.getAttribute('placeholder')).toMatch(/^Search /);
}

describe('the scenario form’s pickers', () => {
  it('have accessible names that start with their visible labels', () => {
    render(<Form />);
    pickerUnder('User signing in');
    pickerUnder('Application');
  });

  it('keeps it so when a workload identity signs in', () => {
    render(<Form />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Who signs in' }), { target: { value: 'servicePrincipal' } });
    pickerUnder('Workload identity signing in');
  });
});

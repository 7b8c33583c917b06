// @vitest-environment jsdom
// The scenario's pickers are named after the labels the admin sees (WCAG 2.5.3, label in name): a
// voice user who says "click User signing in" reaches the box under that label.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONDITIONS } from '../../domain/evaluation/scenario';
import { ScenarioForm, type ScenarioDraft } from './scenario-form';
import { conditionsToCorrect } from './scenario-checks';

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

describe('the risks asked of who signs in', () => {
  function FormFor({ identity }: { identity: ScenarioDraft['identity'] }) {
    const [value, setValue] = useState<ScenarioDraft>({ ...draft, identity });
    return (
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ScenarioForm value={value} onChange={setValue} />
        <output data-testid="conditions">{JSON.stringify(value.conditions)}</output>
      </QueryClientProvider>
    );
  }
  const conditions = () => JSON.parse(screen.getByTestId('conditions').textContent!) as ScenarioDraft['conditions'];

  it("asks an agent identity's agent risk, and keeps the choice", () => {
    render(<FormFor identity={{ kind: 'servicePrincipal', id: 'a1', name: 'Helpdesk Agent', agentIdentity: true }} />);
    expect(screen.queryByRole('combobox', { name: 'Service principal risk' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent risk' }), { target: { value: 'high' } });
    expect(conditions().agentIdRiskLevel).toBe('high');
  });

  it("asks an agent user's agent risk beside a user's own risks, and keeps the choice", () => {
    render(<FormFor identity={{ kind: 'user', id: 'au1', name: 'Helpdesk Agent', agentUser: true }} />);
    expect(screen.getByRole('combobox', { name: 'User risk' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Service principal risk' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent risk' }), { target: { value: 'medium' } });
    expect(conditions().agentIdRiskLevel).toBe('medium');
  });

  it("asks a workload identity's own risk, and a user's neither", () => {
    render(<FormFor identity={{ kind: 'servicePrincipal', id: 'sp1', name: 'Payroll' }} />);
    expect(screen.queryByRole('combobox', { name: 'Agent risk' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Service principal risk' }), { target: { value: 'medium' } });
    expect(conditions().servicePrincipalRiskLevel).toBe('medium');
    cleanup();
    render(<FormFor identity={{ kind: 'user', id: 'u1', name: 'Ada' }} />);
    expect(screen.queryByRole('combobox', { name: /^(Agent|Service principal) risk$/ })).toBeNull();
  });
});

/** The form as the page holds it: what is typed stays typed. */
function TypedForm() {
  const [value, setValue] = useState(draft);
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ScenarioForm value={value} onChange={setValue} />
    </QueryClientProvider>
  );
}

describe('the scenario’s address and country', () => {
  it('says on the field, once it is left, that an address is not one, and follows the corrections', () => {
    render(<TypedForm />);
    const ip = screen.getByRole('textbox', { name: 'IP address' });
    fireEvent.focus(ip);
    fireEvent.change(ip, { target: { value: '10.0.' } });
    // Not while the first address is half typed.
    expect(ip.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.change(ip, { target: { value: '10.0.0.999' } });
    fireEvent.blur(ip);
    expect(ip.getAttribute('aria-invalid')).toBe('true');
    // Back in the field, the message stays until the address is one.
    fireEvent.focus(ip);
    fireEvent.change(ip, { target: { value: '10.0.0.99' } });
    expect(ip.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.change(ip, { target: { value: '10.0.0.999' } });
    expect(ip.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(ip.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toBe("'10.0.0.999' is not an IPv4 or IPv6 address (such as 203.0.113.7 or 2001:db8::7).");

    fireEvent.change(ip, { target: { value: '2001:db8::7' } });
    expect(ip.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText(/is not an IPv4 or IPv6 address/)).toBeNull();
  });

  it('upper-cases the country as it is typed and names it', () => {
    render(<TypedForm />);
    const country = screen.getByRole('textbox', { name: 'Country (two letters)' });
    fireEvent.change(country, { target: { value: 'nl' } });
    expect(country).toHaveProperty('value', 'NL');
    expect(screen.getByText('Netherlands')).toBeTruthy();
    expect(country.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('warns of a two-letter code that is no country, without calling it invalid', () => {
    render(<TypedForm />);
    const country = screen.getByRole('textbox', { name: 'Country (two letters)' });
    fireEvent.change(country, { target: { value: 'zz' } });
    expect(country).toHaveProperty('value', 'ZZ');
    expect(screen.getByText("'ZZ' is not an ISO 3166 country code: no country location will match it.")).toBeTruthy();
    expect(country.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('warns of a country that is not two letters, without holding the scenario back', () => {
    render(<TypedForm />);
    const country = screen.getByRole('textbox', { name: 'Country (two letters)' });
    fireEvent.change(country, { target: { value: 'n' } });
    expect(screen.getByText("A country is two letters (its ISO 3166 code, such as NL): 'N' will match no country location.")).toBeTruthy();
    expect(country.getAttribute('aria-invalid')).not.toBe('true');
    expect(conditionsToCorrect({ ...draft.conditions, country: 'N' })).toBeNull();
  });
});

describe('Device marked compliant', () => {
  it('stays reachable by Tab and says why it cannot be ticked while the device is not registered, and can be once it is', () => {
    function Stateful() {
      const [value, setValue] = useState<ScenarioDraft>(draft);
      return (
        <QueryClientProvider client={new QueryClient()}>
          <ScenarioForm value={value} onChange={setValue} />
        </QueryClientProvider>
      );
    }
    render(<Stateful />);
    const compliant = screen.getByRole('checkbox', { name: 'Device marked compliant' }) as HTMLInputElement;
    // Not natively disabled, which the keyboard skips: aria-disabled, its reason its description, a press ignored.
    expect(compliant.disabled).toBe(false);
    expect(compliant.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(compliant);
    expect(compliant.checked).toBe(false);
    const why = document.getElementById(compliant.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toMatch(/^Choose how the device is joined first: one that is not registered cannot be compliant\.$/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Device' }), { target: { value: 'AzureAD' } });
    expect(compliant.getAttribute('aria-disabled')).toBeNull();
    expect(compliant.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(compliant);
    expect(compliant.checked).toBe(true);
  });
});

// @vitest-environment jsdom
// The What if form kept for the tab reads back as it was written; what does not read as a scenario being
// written (another version's shape after a reload) is not brought back, and the page starts blank.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONDITIONS } from '../../domain/evaluation/scenario';
import { keepForm, readKeptForm, type KeptForm } from './kept-form';

afterEach(() => sessionStorage.clear());

const written: KeptForm = {
  scenario: {
    id: 's1',
    name: 'Travel',
    identity: { kind: 'user', id: 'u1', name: 'Ada' },
    target: { kind: 'userAction', action: 'urn:user:registerdevice' },
    conditions: { ...DEFAULT_CONDITIONS, country: 'NL' },
    expected: 'block',
  },
  whoKind: 'user',
};

describe('the What if form kept for the tab', () => {
  it('reads back as it was written, nobody picked yet too', () => {
    keepForm('account-a', written);
    expect(JSON.parse(sessionStorage.getItem('gatehouse.what-if-form.account-a')!)).toEqual(written);
    expect(readKeptForm('account-a')).toEqual(written);
    const nobody: KeptForm = { scenario: { ...written.scenario, identity: null, target: null }, whoKind: 'servicePrincipal' };
    keepForm('account-b', nobody);
    expect(readKeptForm('account-b')).toEqual(nobody);
  });

  it('brings back an agent user as one, and no other identity marked so', () => {
    const agentUser: KeptForm = {
      ...written,
      scenario: { ...written.scenario, identity: { kind: 'user', id: 'au1', name: 'Helpdesk Agent', agentUser: true } },
    };
    keepForm('account-e', agentUser);
    expect(readKeptForm('account-e')).toEqual(agentUser);
    for (const identity of [
      { kind: 'servicePrincipal', id: 'sp1', name: 'Payroll', agentUser: true },
      { kind: 'user', id: 'u1', name: 'Ada', agentUser: 'yes' },
    ]) {
      sessionStorage.setItem(
        'gatehouse.what-if-form.account-f',
        JSON.stringify({ scenario: { ...written.scenario, identity }, whoKind: 'user' }),
      );
      expect(readKeptForm('account-f')).toBeNull();
    }
  });

  it('is not brought back in a shape it does not know', () => {
    const { country: _, ...withoutCountry } = DEFAULT_CONDITIONS;
    for (const scenario of [
      { ...written.scenario, conditions: withoutCountry },
      { ...written.scenario, target: { kind: 'application', appId: 'app1' } },
      { ...written.scenario, identity: 'u1' },
    ]) {
      sessionStorage.setItem('gatehouse.what-if-form.account-c', JSON.stringify({ scenario, whoKind: 'user' }));
      expect(readKeptForm('account-c')).toBeNull();
    }
  });

  it('brings back a form kept before agent risk was asked, with no agent risk', () => {
    const { agentIdRiskLevel: _, ...before } = written.scenario.conditions;
    sessionStorage.setItem(
      'gatehouse.what-if-form.account-d',
      JSON.stringify({ scenario: { ...written.scenario, conditions: before }, whoKind: 'user' }),
    );
    expect(readKeptForm('account-d')).toEqual(written);
  });
});

// @vitest-environment jsdom
// What became of choices the admin chose to use is said truthfully, and spoken, whether or not others remain.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeldEntry } from '../../domain/contingency/saved-choices';
import { HeldNotice } from './held-notice';

afterEach(cleanup);

const offered: HeldEntry = {
  kind: 'choices',
  key: 'gone: mfa',
  text: 'Choices saved on this device by an earlier version were not given to the plan for ‘MFA’.',
  offer: { planId: 'mfa', disruption: 'MFA', question: 'Use these choices for the plan for ‘MFA’?' },
};
const other: HeldEntry = { kind: 'switch', key: 'gone: federation', text: 'The switch of 2026-12-01 was not given to a plan.' };

function use(outcome: { kept: boolean; given: boolean }) {
  const onUse = vi.fn(() => outcome);
  render(<HeldNotice held={[offered, other]} onForget={() => true} onUse={onUse} onEmptied={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Use the choices kept before it was deleted' }));
  fireEvent.click(screen.getByRole('button', { name: 'Use the choices' }));
  expect(onUse).toHaveBeenCalledWith(offered);
}

describe('HeldNotice, choices used while other entries remain', () => {
  it('says, in a status, that the plan has them once given', () => {
    use({ kept: true, given: true });
    expect(screen.getByRole('status').textContent).toMatch(/^The plan for .*MFA.* has the choices kept before it was deleted\.$/);
  });

  it('says nothing was given when they were no longer offered (read again meanwhile), not that the plan has them', () => {
    use({ kept: true, given: false });
    const status = screen.getByRole('status').textContent;
    expect(status).toMatch(/^Nothing was given: .* no longer offered to the plan for .*MFA/);
    expect(status).not.toMatch(/has the choices/);
  });
});

// @vitest-environment jsdom
// The difference's title names the tenant's policy and the template, both from outside the console: each is
// isolated, so a direction control in one (U+202E) cannot turn the rest of the title around.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acct' } }) }));
vi.mock('../../policy-ui/queries', () => ({ useNames: () => ({ data: undefined }) }));
vi.mock('../../policy-ui/policy-diff', () => ({ PolicyDiff: () => null, useDiffView: () => [{}, () => {}] }));

const { TemplateDifference } = await import('./template-difference');

afterEach(cleanup);

it('isolates the policy’s name and the template’s in its title', () => {
  const policyName = 'Block \u202elive ssecca';
  const templateName = 'Block legacy \u202enoitacitnehtua';
  render(
    <TemplateDifference
      templateName={templateName}
      template={{ displayName: templateName }}
      policy={{ displayName: policyName }}
      onClose={() => {}}
    />,
  );
  const title = screen.getByRole('heading', { level: 2 });
  const isolated = Array.from(title.querySelectorAll('bdi')).map((element) => element.textContent);
  // Each override as an escape, in the order stored.
  expect(isolated).toEqual(['Block \\u202Elive ssecca', 'Block legacy \\u202Enoitacitnehtua']);
});

// @vitest-environment jsdom
// The review's sign-in check tells the page whether it is still under way: while the log is read or the
// draft evaluated, the risks it could find are not known (Save waits); a log that cannot be read ends
// the check, its warning no block, and no risk of an earlier answer stays behind.
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImpactState } from './use-draft-impact';
import { DraftImpact } from './draft-impact';

const impact = vi.hoisted(() => ({ state: { kind: 'reading', read: 0 } as unknown }));
vi.mock('./use-draft-impact', () => ({ IMPACT_DAYS: 7, useDraftImpact: () => impact.state }));
vi.mock('react-router', () => ({ Link: ({ children }: { children: ReactNode }) => <a>{children}</a> }));

afterEach(cleanup);

const shown = (state: ImpactState, onChecking = vi.fn(), onRisks = vi.fn()) => {
  impact.state = state;
  const view = render(<DraftImpact policyId="p1" draft={{}} onChecking={onChecking} onRisks={onRisks} />);
  return { view, onChecking, onRisks };
};

describe('DraftImpact’s check', () => {
  it('is under way while the log is read, and while the draft is evaluated', () => {
    const { view, onChecking } = shown({ kind: 'reading', read: 120 });
    expect(onChecking).toHaveBeenLastCalledWith(true);
    impact.state = { kind: 'evaluating', signIns: 120 };
    view.rerender(<DraftImpact policyId="p1" draft={{}} onChecking={onChecking} />);
    expect(onChecking).toHaveBeenLastCalledWith(true);
  });

  it('ends when the log cannot be read, naming nobody at risk', () => {
    const { view, onChecking, onRisks } = shown({ kind: 'reading', read: 0 });
    impact.state = { kind: 'unavailable', why: 'The tenant has no Entra ID P1 licence.' };
    view.rerender(<DraftImpact policyId="p1" draft={{}} onChecking={onChecking} onRisks={onRisks} />);
    expect(onChecking).toHaveBeenLastCalledWith(false);
    expect(onRisks).toHaveBeenLastCalledWith([]);
    expect(view.container.textContent).toContain('The sign-in logs cannot be read');
  });

  it('ends when the evaluation fails, naming nobody at risk', () => {
    const { onChecking, onRisks } = shown({ kind: 'failed', message: 'The evaluation stopped.' });
    expect(onChecking).toHaveBeenLastCalledWith(false);
    expect(onRisks).toHaveBeenLastCalledWith([]);
  });
});

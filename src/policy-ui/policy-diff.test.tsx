// @vitest-environment jsdom
// The count of differences is said to screen readers: when the diff opens (its policy chosen from a
// list that keeps the focus) and when a switch changes it. The status is in the page before its words.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyDiff, type DiffView } from './policy-diff';

vi.mock('../shared/monaco', () => ({ LazyDiffViewer: () => <div data-testid="diff-viewer" /> }));

afterEach(cleanup);

const before = { displayName: 'CA001', state: 'enabled', conditions: { users: { includeUsers: ['All'], excludeGroups: ['g1', 'g2'] } } };
const after = { displayName: 'CA001', state: 'disabled', conditions: { users: { includeUsers: ['All'], excludeGroups: ['g2', 'g1'] } } };

function Harness() {
  const [view, setView] = useState<DiffView>({ inline: false, noise: false, names: false });
  return <PolicyDiff before={before} after={after} beforeLabel="A" afterLabel="B" view={view} onViewChange={setView} headingLevel={2} />;
}

describe('PolicyDiff', () => {
  it('says the count in a status that is empty when it appears, and again when a switch changes it', async () => {
    vi.useFakeTimers();
    try {
      render(<Harness />);
      const status = screen.getByRole('status');
      expect(status.textContent).toBe('');
      await act(async () => void vi.advanceTimersByTime(200));
      expect(status.textContent).toBe('1 difference');
      fireEvent.click(screen.getByRole('switch', { name: 'Hide nulls, empty lists and id order' }));
      await act(async () => void vi.advanceTimersByTime(200));
      expect(screen.getByRole('heading').textContent).not.toBe('1 difference');
      expect(screen.getByRole('status')).toBe(status);
      expect(status.textContent).toBe(screen.getByRole('heading').textContent);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says where a sentence’s lines are when it is clicked, and leaves the focus on it', async () => {
    vi.useFakeTimers();
    try {
      render(<Harness />);
      await act(async () => void vi.advanceTimersByTime(200));
      const sentence = screen.getByRole('button', { name: /^State:/ });
      sentence.focus();
      fireEvent.click(sentence);
      // "state" is the last key of B's text, on its 17th line.
      expect(screen.getByRole('status').textContent).toBe(`${sentence.textContent}: line 17 of B`);
      expect(document.activeElement).toBe(sentence);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('PolicyDiff, the count’s heading', () => {
  it('is at the level its place asks for: below a dialog’s title, not a second title beside it', () => {
    render(
      <div role="dialog" aria-labelledby="t">
        <h2 id="t">CA001 compared with the template</h2>
        <PolicyDiff
          before={before}
          after={after}
          beforeLabel="A"
          afterLabel="B"
          view={{ inline: false, noise: false, names: false }}
          onViewChange={() => {}}
          headingLevel={3}
        />
      </div>,
    );
    expect(screen.getByRole('heading', { level: 3, name: '1 difference' })).toBeTruthy();
  });
});

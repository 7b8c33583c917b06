// @vitest-environment jsdom
// An outcome done again is said again, even when its notice was cleared in the same stroke (a rollout
// left and another removed): the occasions are counted for the page's life, not from the last notice.
import { AnnounceProvider, Button } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OutcomeNotice, useOutcome } from './outcome-notice';

afterEach(cleanup);

function Page() {
  const { outcome, say, clear } = useOutcome();
  return (
    <>
      <Button
        onClick={() => {
          clear();
          say({ title: 'The step was forgotten', text: 'The rollout stands as it was recorded before the step.' });
        }}
      >
        Forget
      </Button>
      <OutcomeNotice outcome={outcome} />
    </>
  );
}

const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 400)));

describe('useOutcome and OutcomeNotice', () => {
  it('the same outcome done again, cleared in the same stroke, is said again', async () => {
    const said: string[] = [];
    render(
      <AnnounceProvider value={{ announce: (words: string) => said.push(words) }}>
        <Page />
      </AnnounceProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await settle();
    expect(screen.getByRole('group', { name: 'The step was forgotten' })).toBeTruthy();
    const before = said.length;
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await settle();
    expect(said.length).toBe(before + 1);
    expect(said.at(-1)).toMatch(/The step was forgotten/);
  });
});

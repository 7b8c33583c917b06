// @vitest-environment jsdom
// A notice whose words change where it stands is said again (Fluent's MessageBar is said only when it
// appears); the same words are not said twice, unless the admin tried again.
import { AnnounceProvider, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from './notice';

afterEach(cleanup);

function listening() {
  const said: { words: string; alert: boolean }[] = [];
  const value = { announce: (words: string, options?: { alert?: boolean }) => said.push({ words, alert: options?.alert === true }) };
  const Wrap = ({ children }: { children: ReactNode }) => <AnnounceProvider value={value}>{children}</AnnounceProvider>;
  return { said, Wrap };
}

const wait = (ms: number) => act(() => new Promise<void>((done) => setTimeout(done, ms)));
const settle = () => wait(400);

describe('Notice', async () => {
  it('says new words that replace the old in place, as the bar it replaces did not', async () => {
    for (const Bar of [Notice, MessageBar]) {
      const { said, Wrap } = listening();
      const { rerender } = render(
        <Wrap>
          <Bar intent="success">
            <MessageBarBody>Deleted “Block legacy”.</MessageBarBody>
          </Bar>
        </Wrap>,
      );
      await settle();
      rerender(
        <Wrap>
          <Bar intent="success">
            <MessageBarBody>Deleted “Require MFA”.</MessageBarBody>
          </Bar>
        </Wrap>,
      );
      await settle();
      const words = said.map((s) => s.words);
      if (Bar === Notice) expect(words).toEqual(['Deleted “Block legacy”.', 'Deleted “Require MFA”.']);
      // What the Notice is for: Fluent's own bar says only the first.
      else expect(words).toEqual(['Deleted “Block legacy”.']);
      cleanup();
    }
  });

  it('says a burst of changes once, when they settle, and keeps an error assertive', async () => {
    const { said, Wrap } = listening();
    const bar = (text: string) => (
      <Wrap>
        <Notice intent="error">
          <MessageBarBody>{text}</MessageBarBody>
        </Notice>
      </Wrap>
    );
    const { rerender } = render(bar('Could not read a.json.'));
    await settle();
    rerender(bar('Could not read b.json'));
    await wait(40);
    rerender(bar('Could not read b.json: line 3.'));
    await settle();
    expect(said).toEqual([
      { words: 'Could not read a.json.', alert: true },
      { words: 'Could not read b.json: line 3.', alert: true },
    ]);
  });

  it('says the same words again only on a new occasion', async () => {
    const { said, Wrap } = listening();
    const bar = (occasion: number) => (
      <Wrap>
        <Notice intent="warning" occasion={occasion}>
          <MessageBarBody>broken.json is not JSON.</MessageBarBody>
        </Notice>
      </Wrap>
    );
    const { rerender } = render(bar(1));
    await settle();
    rerender(bar(1));
    await settle();
    expect(said).toHaveLength(1);
    rerender(bar(2));
    await settle();
    expect(said.map((s) => s.words)).toEqual(['broken.json is not JSON.', 'broken.json is not JSON.']);
  });
});

// @vitest-environment jsdom
// The demo's Graph made to misbehave: the choice sets its faults in every demo tenant, a banner says so
// on every screen, and Stop it (or Graph answers as usual) takes them away.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseMisbehaviour, MisbehaviourBar, MisbehaviourDialog, type DemoFaults } from './demo-misbehaviour';

afterEach(cleanup);

function Demo({ demo }: { demo: Parameters<typeof chooseMisbehaviour>[0] }) {
  const [open, setOpen] = useState(false);
  return (
    <FluentProvider theme={webLightTheme}>
      <button onClick={() => setOpen(true)}>Make Graph misbehave…</button>
      <MisbehaviourBar onStop={() => chooseMisbehaviour(demo, 'none')} />
      <MisbehaviourDialog
        open={open}
        onClose={() => setOpen(false)}
        onChoose={(kind) => {
          chooseMisbehaviour(demo, kind);
          setOpen(false);
        }}
      />
    </FluentProvider>
  );
}

describe('the demo’s Graph made to misbehave', () => {
  it('sets the choice’s faults in every demo tenant, says so until stopped, then clears them', () => {
    const set: [string, DemoFaults][] = [];
    const demo = {
      accounts: [{ tenantId: 'contoso' }, { tenantId: 'contoso' }, { tenantId: 'fabrikam' }],
      setFaults: (tenantId: string, faults: DemoFaults) => set.push([tenantId, faults]),
    };
    render(<Demo demo={demo} />);
    expect(screen.queryByText(/^The demo’s Graph misbehaves/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Make Graph misbehave…' }));
    fireEvent.click(screen.getByRole('radio', { name: /^Saves’ answers are lost/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(set.map(([tenant]) => tenant)).toEqual(['contoso', 'fabrikam']);
    expect(set[0]![1].rules).toEqual([{ match: 'PATCH /beta/identity/conditionalAccess/policies/', fault: 'drop-after' }]);
    expect(screen.getByText('The demo’s Graph misbehaves: saves’ answers are lost')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    // Opened again, it starts from the choice in force; Cancel changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Make Graph misbehave…' }));
    expect((screen.getByRole('radio', { name: /^Saves’ answers are lost/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(set).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Stop it' }));
    expect(set.slice(2)).toEqual([
      ['contoso', { latencyMs: 0, rules: [] }],
      ['fabrikam', { latencyMs: 0, rules: [] }],
    ]);
    expect(screen.queryByText(/^The demo’s Graph misbehaves/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Make Graph misbehave…' }));
    expect((screen.getByRole('radio', { name: /^Graph answers as usual/ }) as HTMLInputElement).checked).toBe(true);
  });
});

// @vitest-environment jsdom
// Choosing files to compare with: while one is read the page says so, and a read that ends after a
// newer choice does not replace it. In Two policies, the file's policy that becomes B is A's own (its id
// anywhere in the file before a policy that only shares its name; else its name in any case), and a file
// without it leaves B to the admin and says so.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { useRef, useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComparisonFileNotices } from './comparison-file-notices';
import { useComparisonFile } from './use-comparison-file';

const A = { id: 'policy-a', displayName: 'CA001: Require MFA', state: 'enabled', conditions: {} };
const C = { id: 'policy-c', displayName: 'CA002: Block legacy', state: 'enabled', conditions: {} };
// A policy whose own read has not come back: only the list knows its name.
const SLOW = { id: 'policy-slow', displayName: 'CA004: Require terms', state: 'enabled', conditions: {} };

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'here', tenantId: 'tenant-1' }, scopeKey: ['tenant', 'here'], client: {} }),
}));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => queryOptions({ queryKey: ['policies'], queryFn: () => Promise.resolve([A, C, SLOW]) }),
  policyQuery: (_tenant: unknown, id: string) =>
    queryOptions({
      queryKey: ['policy', id],
      queryFn: () => (id === SLOW.id ? new Promise(() => {}) : Promise.resolve([A, C].find((p) => p.id === id) ?? { id })),
    }),
  useNames: () => ({ data: undefined }),
}));
vi.mock('../../policy-ui/policy-diff', () => ({
  PolicyDiff: ({ beforeLabel, afterLabel }: { beforeLabel: string; afterLabel: string }) => (
    <p>{`Diff of ${beforeLabel} and ${afterLabel}`}</p>
  ),
  useDiffView: () => useState('split'),
  useInlineDiff: () => false,
}));

vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const policiesFile = (name: string) => JSON.stringify([{ id: `id-${name}`, displayName: name, state: 'enabled', conditions: {} }]);

/** A file whose bytes arrive when the test says. */
function slowFile(name: string) {
  let arrive = () => {};
  const bytes = new Promise<ArrayBuffer>((resolve) => {
    arrive = () => resolve(new TextEncoder().encode(policiesFile(name)).buffer as ArrayBuffer);
  });
  return { file: { name, arrayBuffer: () => bytes } as unknown as File, arrive };
}

// What each choice's read came to (undefined: a newer choice came first).
const opened: Promise<unknown>[] = [];
function Page({ files }: { files: File[] }) {
  const picker = useComparisonFile();
  const chooser = useRef<HTMLButtonElement>(null);
  return (
    <>
      {files.map((file) => (
        <button key={file.name} onClick={() => opened.push(picker.open(file))}>{`Choose ${file.name}`}</button>
      ))}
      <ComparisonFileNotices comparisonFile={picker} comparingWithFile={!!picker.file} chooser={chooser} />
      <p>{picker.file ? `Comparing with ${picker.file.fileName}` : 'No file'}</p>
    </>
  );
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  opened.length = 0;
});

describe('choosing a file while another is read', () => {
  it('says which file is being read, and keeps the newer choice when the older read ends last', async () => {
    const older = slowFile('older.json');
    const newer = slowFile('newer.json');
    render(<Page files={[older.file, newer.file]} />);
    const status = screen.getByRole('status');

    fireEvent.click(screen.getByRole('button', { name: 'Choose older.json' }));
    expect(status.textContent).toBe('Reading older.json…');
    fireEvent.click(screen.getByRole('button', { name: 'Choose newer.json' }));
    expect(status.textContent).toBe('Reading newer.json…');

    await act(async () => {
      newer.arrive();
      await opened[1];
    });
    expect(screen.getByText('Comparing with newer.json')).toBeTruthy();
    expect(status.textContent).toBe('');

    await act(async () => {
      older.arrive();
      await opened[0];
    });
    expect(screen.getByText('Comparing with newer.json')).toBeTruthy();
    expect(await opened[0]).toBeUndefined();
  });

  it('isolates a file name that holds a direction control in what it says while reading', async () => {
    // "backup‮nosj.zip" would otherwise show its end backwards and take the ellipsis with it.
    const tricky = slowFile('backup\u202Enosj.json');
    render(<Page files={[tricky.file]} />);
    fireEvent.click(screen.getByRole('button', { name: /^Choose backup/ }));
    expect(screen.getByRole('status').textContent).toBe('Reading backup\\u202Enosj.json…');
    await act(async () => {
      tricky.arrive();
      await opened[0];
    });
  });
});

describe('Two policies: the policy in a file that becomes B', () => {
  const fileOf = (name: string, policies: object[]) => {
    const text = JSON.stringify(policies);
    return { name, arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer as ArrayBuffer) } as unknown as File;
  };
  async function compareWith(file: File, a = A.id) {
    const { ComparePolicies } = await import('./compare-policies');
    const router = createMemoryRouter([{ path: '/compare', element: <ComparePolicies /> }], { initialEntries: [`/compare?a=${a}`] });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await screen.findByText('Choose two policies');
    fireEvent.change(screen.getByLabelText('Policy file to compare with'), { target: { files: [file] } });
    return () => new URLSearchParams(router.state.location.search).get('b');
  }

  it('is the one with A’s id, even after a policy that only shares its name', async () => {
    const b = await compareWith(
      fileOf('export.json', [
        { id: 'another-policy', displayName: 'CA001: Require MFA', state: 'disabled', conditions: {} },
        { ...A, displayName: 'CA001: Require MFA (renamed)', state: 'disabled' },
      ]),
    );
    expect(await screen.findByText('Diff of CA001: Require MFA and CA001: Require MFA (renamed) in export.json')).toBeTruthy();
    expect(b()).toBe('file:1');
  });

  it('is the one with A’s name, trimmed and in any case, when none has its id', async () => {
    const b = await compareWith(
      fileOf('export.json', [
        { id: 'x', displayName: 'CA002: Block legacy', state: 'disabled', conditions: {} },
        { id: 'y', displayName: '  ca001: require mfa ', state: 'disabled', conditions: {} },
      ]),
    );
    expect(await screen.findByText('Diff of CA001: Require MFA and ca001: require mfa in export.json')).toBeTruthy();
    expect(b()).toBe('file:1');
  });

  it('is left to the admin when none of the file’s policies has A’s id or name, and the page says so', async () => {
    const b = await compareWith(
      fileOf('export.json', [
        { id: 'x', displayName: 'CA002: Block legacy', state: 'disabled', conditions: {} },
        { id: 'y', displayName: 'CA003: Require compliant device', state: 'disabled', conditions: {} },
      ]),
    );
    expect(await screen.findByText('No policy in export.json has the id or name of policy A; choose one in Policy B.')).toBeTruthy();
    expect(b()).toBeNull();
    expect(screen.queryByText(/^Diff of/)).toBeNull();
    expect(screen.getByText('Choose two policies')).toBeTruthy();
  });

  it('is a file’s only policy, which the admin chose to compare with, whatever its name, and the page says it is not A', async () => {
    const b = await compareWith(
      fileOf('one.json', [{ id: 'x', displayName: 'CA002: \u202EBlock legacy', state: 'disabled', conditions: {} }]),
    );
    expect(await screen.findByText('Diff of CA001: Require MFA and CA002: \\u202EBlock legacy in one.json')).toBeTruthy();
    expect(b()).toBe('file:0');
    // Said beside B (a status, read out as it appears), the tenant's name isolated; and B's picker is described by it.
    const note = screen.getAllByRole('status').find((status) => status.textContent?.startsWith('The file’s only policy'));
    expect(note?.textContent).toBe(
      'The file’s only policy, “CA002: \\u202EBlock legacy”, is not Policy A (another id and name): compared as chosen.',
    );
    expect(note?.querySelector('bdi')?.textContent).toBe('CA002: \\u202EBlock legacy');
    const picker = screen.getByRole('combobox', { name: 'Policy B (right)' });
    expect(document.getElementById(picker.getAttribute('aria-describedby') ?? '')?.textContent).toBe(note?.textContent);
  });

  it('says nothing of the kind when a file’s only policy is A’s own (its name, another id)', async () => {
    await compareWith(fileOf('one.json', [{ id: 'x', displayName: 'CA001: Require MFA', state: 'disabled', conditions: {} }]));
    expect(await screen.findByText('Diff of CA001: Require MFA and CA001: Require MFA in one.json')).toBeTruthy();
    expect(screen.queryByText(/only policy/)).toBeNull();
  });

  it('is found again when the admin then chooses an A the file does hold, and the page no longer says there is none', async () => {
    const b = await compareWith(
      fileOf('export.json', [
        { id: 'x', displayName: 'CA002: Block legacy', state: 'disabled', conditions: {} },
        { id: 'y', displayName: 'CA003: Require compliant device', state: 'disabled', conditions: {} },
      ]),
    );
    expect(await screen.findByText('No policy in export.json has the id or name of policy A; choose one in Policy B.')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Policy A (left)' }));
    fireEvent.click(screen.getByRole('option', { name: 'CA002: Block legacy' }));
    expect(await screen.findByText('Diff of CA002: Block legacy and CA002: Block legacy in export.json')).toBeTruthy();
    expect(b()).toBe('file:0');
    expect(screen.queryByText(/has the id or name of policy A/)).toBeNull();
  });

  it('matches A by the name the list knows while A’s own read has not come back', async () => {
    const b = await compareWith(
      fileOf('export.json', [
        { id: 'x', displayName: 'CA002: Block legacy', state: 'disabled', conditions: {} },
        { id: 'z', displayName: 'CA004: Require terms', state: 'disabled', conditions: {} },
      ]),
      SLOW.id,
    );
    await vi.waitFor(() => expect(b()).toBe('file:1'));
    expect(screen.queryByText(/has the id or name of policy A/)).toBeNull();
  });

  it('keeps the comparison with the file before when the next file cannot be read, says so, and lets the notice go, the focus back on the file button', async () => {
    const b = await compareWith(fileOf('export.json', [{ ...A, state: 'disabled' }]));
    const diff = 'Diff of CA001: Require MFA and CA001: Require MFA in export.json';
    expect(await screen.findByText(diff)).toBeTruthy();
    const bad = { name: 'bad.json', arrayBuffer: () => Promise.resolve(new TextEncoder().encode('not json').buffer as ArrayBuffer) };
    fireEvent.change(screen.getByLabelText('Policy file to compare with'), { target: { files: [bad] } });
    const refusal = await screen.findByText(
      'bad.json could not be read: it is not valid JSON: an unexpected character at line 1, column 1. Still comparing with export.json.',
    );
    // Nothing lost: B, its diff, and the file kept for a reload of the tab.
    expect(screen.getByText(diff)).toBeTruthy();
    expect(b()).toBe('file:0');
    expect(screen.getByRole('combobox', { name: 'Policy B (right)' }).textContent).toBe('CA001: Require MFA in export.json');
    expect(screen.queryByText('Choose two policies')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('gatehouse.compare.file') ?? '{}')).toMatchObject({ fileName: 'export.json' });
    const dismiss = within(refusal.parentElement!).getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    expect(screen.queryByText(/could not be read/)).toBeNull();
    expect(screen.getByText(diff)).toBeTruthy();
    // The keyboard is where another file is chosen, not at the page's start.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Compare with a file…' }));
  });

  it('says only why a file cannot be read when no file was open before, and offers no B', async () => {
    const bad = { name: 'bad.json', arrayBuffer: () => Promise.resolve(new TextEncoder().encode('not json').buffer as ArrayBuffer) };
    const b = await compareWith(bad as unknown as File);
    expect(await screen.findByText('bad.json is not valid JSON: an unexpected character at line 1, column 1.')).toBeTruthy();
    expect(screen.queryByText(/Still comparing/)).toBeNull();
    expect(b()).toBeNull();
    expect(screen.getByText('Choose two policies')).toBeTruthy();
  });

  it('follows a newly chosen A: the file’s counterpart of the A before gives way to the new A’s, or to none', async () => {
    const b = await compareWith(
      fileOf('backup.json', [
        { ...A, state: 'disabled' },
        { ...C, state: 'disabled' },
      ]),
    );
    expect(await screen.findByText('Diff of CA001: Require MFA and CA001: Require MFA in backup.json')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Policy A (left)' }));
    fireEvent.click(screen.getByRole('option', { name: 'CA002: Block legacy' }));
    expect(await screen.findByText('Diff of CA002: Block legacy and CA002: Block legacy in backup.json')).toBeTruthy();
    expect(b()).toBe('file:1');
    // An A the file does not hold: no B, and the page says why.
    fireEvent.click(screen.getByRole('combobox', { name: 'Policy A (left)' }));
    fireEvent.click(screen.getByRole('option', { name: 'CA004: Require terms' }));
    expect(await screen.findByText('No policy in backup.json has the id or name of policy A; choose one in Policy B.')).toBeTruthy();
    expect(b()).toBeNull();
  });
});

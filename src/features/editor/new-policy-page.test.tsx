// @vitest-environment jsdom
// The New policy page as the admin meets it, over a tenant in memory whose network the test breaks:
// a create tried again after its answer was lost says the first attempt made the policy instead of
// making a second one (on the page, after a reload, and in a second tab open on the same draft); Start over asks first and leaves the focus on
// the first choice; a copy asked for while a draft is kept says the draft is in the way; the review and
// the chosen source leave the focus somewhere; a name that turns the text around stays isolated.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/policy-body';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { NetworkError } from '../../graph/errors';
import type * as GraphPolicies from '../../graph/policies';
import { draftStore } from '../../policy-ui/draft-store';
import { createAttempts } from './create-attempts';
import type { ReviewStep } from './review-dialog';
import { NewPolicyPage } from './new-policy-page';

const tenant = vi.hoisted(() => ({
  policies: [] as ConditionalAccessPolicy[],
  posts: 0,
  /** What the network does to the next POST: deliver it, or deliver it and lose its answer (then stay down). */
  post: 'deliver' as 'deliver' | 'lose-answer',
  down: false,
  /** Whom the sign-in check finds at risk. */
  signInRisks: [] as { who: string; why: string }[],
  session: {
    account: { key: 'contoso', objectId: 'me' },
    scopeKey: ['tenant', 'contoso'],
    client: {
      retries: 1,
      backoff: async () => {},
      /** A write's own client (ahead in the pacer): this world has no pacer. */
      userStarted(): unknown {
        return this;
      },
    },
    context: {},
  },
}));

vi.mock('../../graph/policies', async (original) => {
  const down = () => new NetworkError('GET', '/policies', new TypeError('Failed to fetch'));
  return {
    ...(await original<typeof GraphPolicies>()),
    listPolicies: async () => {
      if (tenant.down) throw down();
      return tenant.policies.map((p) => ({ ...p }));
    },
    createPolicy: async (_client: unknown, body: JsonObject) => {
      if (tenant.down) throw down();
      tenant.posts++;
      const made = { ...body, id: `id-${tenant.posts}`, createdDateTime: '2026-12-05T07:00:00Z' } as ConditionalAccessPolicy;
      tenant.policies.push(made);
      if (tenant.post === 'lose-answer') {
        tenant.down = true;
        throw down();
      }
      return { ...made };
    },
  };
});
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant.session }));
vi.mock('../../session/write-access', () => ({ useWriteAccess: () => ({ allowed: true, reason: null }) }));
vi.mock('../../policy-ui/queries', () => {
  const answer = (key: string, read: () => unknown) =>
    queryOptions({ queryKey: [key], queryFn: async () => read() as never, retry: false });
  return {
    policiesQuery: () => answer('policies', () => []),
    policyQuery: (_: unknown, id: string) => answer(`policy-${id}`, () => ({ id, displayName: 'Block legacy sign-in', state: 'enabled' })),
    templatesQuery: () => answer('templates', () => []),
    useNames: () => ({ data: undefined }),
  };
});
vi.mock('./policy-workbench', () => ({ PolicyWorkbench: () => <p>The JSON editor</p> }));
// The sign-in check: under way when the review opens, done (naming whom it found) a moment later.
vi.mock('./draft-impact', () => ({
  DraftImpact: (props: { onChecking?(checking: boolean): void; onRisks?(risks: { who: string; why: string }[]): void }) => {
    useEffect(() => {
      props.onChecking?.(true);
      const done = setTimeout(() => {
        props.onRisks?.(tenant.signInRisks);
        props.onChecking?.(false);
      }, 50);
      return () => clearTimeout(done);
      // Once per review, as the real check reads once per draft.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
    return null;
  },
  withImpactRisks: (risks: unknown[], more: unknown[]) => [...risks, ...more],
}));
vi.mock('./use-lockout-guard', () => ({ useLockoutGuard: () => ({ risks: [], excludeEmergency: undefined }) }));
vi.mock('./duplicates-created', () => ({ DuplicatesCreated: () => <p>Duplicates created</p> }));
vi.mock('./name-the-copy', () => ({
  NameTheCopy: (props: { onContinue(name: string): void }) => (
    <form aria-label="Name the copy">
      <button type="button" onClick={() => props.onContinue('Copy of Block legacy sign-in')}>
        Continue to the editor
      </button>
    </form>
  ),
}));
// The review as far as this page is concerned: what it is told to say, and its two buttons; like the
// real dialog, it takes the focus when it opens.
vi.mock('./review-dialog', () => ({
  ReviewDialog: (props: {
    step: ReviewStep;
    changes: { text: string }[];
    saveLabel: string;
    checkingSignIns?: boolean;
    risks: unknown[];
    impact?: ReactNode;
    onSave(): void;
    onClose(): void;
  }) => {
    const first = useRef<HTMLButtonElement>(null);
    useEffect(() => first.current?.focus(), []);
    return (
      <div role="dialog" aria-label="Review">
        {props.changes.map((change) => (
          <p key={change.text}>{change.text}</p>
        ))}
        {props.step.kind === 'failed' && <p>Failed: {props.step.error.title}</p>}
        <p>{props.checkingSignIns ? 'The sign-in check is running' : 'The sign-in check is over'}</p>
        <p>{`${props.risks.length} at risk`}</p>
        {props.impact}
        <button ref={first} onClick={props.onSave}>
          {props.saveLabel}
        </button>
        <button onClick={props.onClose}>Back to editing</button>
      </div>
    );
  },
}));

const NAME = 'Require MFA for contractors';
const policy = (name = NAME): JsonObject => ({
  displayName: name,
  state: 'enabledForReportingButNotEnforced',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const keepDraft = (body: JsonObject, origin?: string) =>
  draftStore.save('contoso', 'new', {
    text: JSON.stringify(body, null, 2),
    baseText: '{}',
    baseModified: null,
    updatedAt: '2026-12-05T07:00:00Z',
    ...(origin ? { origin } : {}),
  });

let unmount: () => void = () => {};
let router: ReturnType<typeof createMemoryRouter>;
/** The page's address, as a reload would open it again. */
const address = () => `${router.state.location.pathname}${router.state.location.search}`;
function draw(url = '/policies/new') {
  cleanup();
  return openTab(url);
}
/** The page opened in one more tab of the same browser (the same storage), beside what is drawn already. */
function openTab(url = '/policies/new') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  router = createMemoryRouter(
    [
      { path: '/policies/new', element: <NewPolicyPage /> },
      { path: '/policies/:id', element: <p>Policy page</p> },
    ],
    { initialEntries: [url] },
  );
  const drawn = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </FluentProvider>,
  );
  ({ unmount } = drawn);
  return within(drawn.container);
}
/** Where a step looks: the whole document, or one tab of two. */
type Tab = Pick<typeof screen, 'getByRole' | 'findByText'>;

const focused = () => {
  const element = document.activeElement;
  return !element || element === document.body ? '<body>' : `${element.tagName.toLowerCase()}: ${element.textContent?.trim()}`;
};

/** A draft kept, Create in tenant pressed, Graph makes the policy and the answer is lost (the network stays down): the review says it failed. */
async function loseTheFirstCreate() {
  keepDraft(policy());
  draw();
  tenant.post = 'lose-answer';
  await createInTenant();
  await screen.findByText(/^Failed:/);
}

/** Review and create…, once it may be pressed. */
async function reviewButton(tab: Tab = screen) {
  const review = tab.getByRole('button', { name: 'Review and create…' });
  await waitFor(() => expect(review.getAttribute('aria-disabled')).not.toBe('true'));
  return review;
}

async function createInTenant(tab: Tab = screen) {
  const review = await reviewButton(tab);
  review.focus();
  fireEvent.click(review);
  await act(async () =>
    fireEvent.click(within(tab.getByRole('dialog', { name: 'Review' })).getByRole('button', { name: 'Create in tenant' })),
  );
}

beforeEach(() => {
  localStorage.clear();
  Object.assign(tenant, { policies: [], posts: 0, post: 'deliver', down: false, signInRisks: [] });
});
afterEach(() => {
  unmount();
  cleanup();
});

describe('NewPolicyPage', { timeout: 30_000 }, () => {
  it('a create tried again after its answer was lost says the first attempt made it, and makes no second policy', async () => {
    await loseTheFirstCreate();

    // The network is back; the admin presses Create in tenant again.
    Object.assign(tenant, { down: false, post: 'deliver' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create in tenant' })));
    await waitFor(() => expect(document.body.textContent).toContain(`“${NAME}” was created by your earlier attempt`));
    expect(tenant.policies.filter((p) => p.displayName === NAME)).toHaveLength(1);
    expect(focused()).toBe(`button: Open “${NAME}”`);
  });

  it('after a reload, the restored draft created again finds what the lost attempt made', async () => {
    await loseTheFirstCreate();

    Object.assign(tenant, { down: false, post: 'deliver' });
    draw();
    await createInTenant();
    await waitFor(() => expect(document.body.textContent).toContain(`“${NAME}” was created by your earlier attempt`));
    expect(tenant.policies.filter((p) => p.displayName === NAME)).toHaveLength(1);
  });

  it('a second tab, open before the first one lost its create’s answer, looks for that policy when Create is pressed there', async () => {
    keepDraft(policy());
    const tabB = draw();
    const tabA = openTab();
    tenant.post = 'lose-answer';
    await createInTenant(tabA);
    await tabA.findByText(/^Failed:/);

    // The network is back; the admin goes to the other tab and creates the same draft there.
    Object.assign(tenant, { down: false, post: 'deliver' });
    await createInTenant(tabB);
    await waitFor(() => expect(document.body.textContent).toContain(`“${NAME}” was created by your earlier attempt`));
    expect(tenant.policies.filter((p) => p.displayName === NAME)).toHaveLength(1);
  });

  it('an attempt kept by another tab is said in this one’s Start over question as soon as the browser tells of it', async () => {
    keepDraft(policy());
    draw();
    await reviewButton();
    createAttempts.save('contoso', { existing: [], at: '2026-12-05T07:00:00Z', sent: [policy()] });
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: 'gatehouse.create-attempt.contoso.new' })));
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect((await screen.findByRole('dialog', { name: 'Start over?' })).textContent).toContain(
      'An earlier attempt to create it may have reached the tenant',
    );
  });

  it('a draft edited after the lost attempt: nothing is created again, the edits become the created policy’s draft', async () => {
    await loseTheFirstCreate();

    // After a reload the admin edits the draft (turns it on), then creates it.
    Object.assign(tenant, { down: false, post: 'deliver' });
    keepDraft({ ...policy(), state: 'enabled' });
    draw();
    await createInTenant();
    await waitFor(() => expect(document.body.textContent).toContain('your changes since are kept as its draft'));
    expect(tenant.policies.filter((p) => p.displayName === NAME)).toHaveLength(1);
    const moved = draftStore.load('contoso', tenant.policies[0]!.id!);
    expect(JSON.parse(moved!.text)).toMatchObject({ id: tenant.policies[0]!.id, state: 'enabled' });
    expect(draftStore.load('contoso', 'new')).toBeNull();
    expect(focused()).toBe(`button: Review your changes to “${NAME}”`);
  });

  it('Start over asks first, naming what is lost, then leaves the focus on the first choice', async () => {
    keepDraft(policy(), 'Re-creating the deleted policy “Require MFA for contractors”');
    draw();
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    const question = await screen.findByRole('dialog', { name: 'Start over?' });
    expect(question.textContent).toContain(`The new policy “${NAME}” will be discarded`);
    expect(question.textContent).toContain('Re-creating the deleted policy');
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(draftStore.load('contoso', 'new')).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    // Once the dialog asked again is open (not the one closing).
    fireEvent.click(await screen.findByRole('button', { name: 'Discard and start over' }));
    await waitFor(() => expect(focused()).toBe('button: Start blank'));
    expect(draftStore.load('contoso', 'new')).toBeNull();
  });

  it('Duplicate while a new policy is kept on this device says the draft is in the way, and can discard it to make the copy', async () => {
    keepDraft(policy());
    draw('/policies/new?duplicate=p9');
    const refusal = await screen.findByText(/has unsaved changes on this device/);
    await waitFor(() => expect(refusal.textContent).toContain('before making a copy of “Block legacy sign-in”'));
    expect(refusal.textContent).toContain(NAME);
    fireEvent.click(screen.getByRole('button', { name: 'Discard the draft and copy “Block legacy sign-in”' }));
    expect(await screen.findByRole('form', { name: 'Name the copy' })).toBeTruthy();
    expect(draftStore.load('contoso', 'new')).toBeNull();
  });

  it('a copy named and then reloaded goes on as the draft, not as a copy asked for with its own draft in the way', async () => {
    draw('/policies/new?duplicate=p9');
    fireEvent.click(await screen.findByRole('button', { name: 'Continue to the editor' }));
    await waitFor(() => expect(address()).toBe('/policies/new'));
    draw(address());
    expect(await screen.findByRole('heading', { name: /^Draft/ })).toBeTruthy();
    expect(screen.queryByText('No copy was made')).toBeNull();
  });

  it('a chosen source puts the focus on the editor’s heading', async () => {
    draw();
    fireEvent.click(screen.getByRole('button', { name: 'Start blank' }));
    await waitFor(() => expect(focused()).toMatch(/^h2: Draft/));
  });

  it('Back to editing gives the focus back to the button that opened the review', async () => {
    keepDraft(policy());
    draw();
    const review = await reviewButton();
    review.focus();
    fireEvent.click(review);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Review' })).getByRole('button', { name: 'Back to editing' }));
    await waitFor(() => expect(focused()).toBe('button: Review and create…'));
  });

  it('the review is told while recent sign-ins are checked, and a risk found in one review does not carry into the next', async () => {
    keepDraft(policy());
    tenant.signInRisks = [{ who: 'Break Glass (emergency access)', why: 'Blocked in 3 sign-ins.' }];
    draw();
    const review = await reviewButton();
    fireEvent.click(review);
    const dialog = screen.getByRole('dialog', { name: 'Review' });
    expect(dialog.textContent).toContain('The sign-in check is running');
    await waitFor(() => expect(dialog.textContent).toContain('The sign-in check is over'));
    expect(dialog.textContent).toContain('1 at risk');

    // Back to editing; the next review checks again from nothing.
    tenant.signInRisks = [];
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to editing' }));
    fireEvent.click(review);
    const again = screen.getByRole('dialog', { name: 'Review' });
    expect(again.textContent).toContain('The sign-in check is running');
    expect(again.textContent).toContain('0 at risk');
    await waitFor(() => expect(again.textContent).toContain('The sign-in check is over'));
  });

  it('Ctrl+S anywhere on the page opens the review instead of the browser’s Save page, and does nothing more over a dialog', async () => {
    const ctrlS = (target: Element) => fireEvent.keyDown(target, { key: 's', ctrlKey: true });
    keepDraft(policy());
    draw();
    await reviewButton();
    const heading = screen.getByRole('heading', { level: 1, name: 'New policy' });
    // false: the browser's own Save page was prevented.
    expect(ctrlS(heading)).toBe(false);
    const review = await screen.findByRole('dialog', { name: 'Review' });
    expect(ctrlS(within(review).getByRole('button', { name: 'Back to editing' }))).toBe(false);
    expect(screen.getAllByRole('dialog')).toEqual([review]);
    fireEvent.click(within(review).getByRole('button', { name: 'Back to editing' }));

    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    const question = await screen.findByRole('dialog', { name: 'Start over?' });
    expect(ctrlS(within(question).getByRole('button', { name: 'Keep editing', hidden: true }))).toBe(false);
    expect(screen.queryByRole('dialog', { name: 'Review' })).toBeNull();
  });

  it('Ctrl+S with nothing to review yet goes to the button whose tooltip says why', async () => {
    keepDraft({ ...policy(), state: 'not a state' });
    draw();
    const heading = await screen.findByRole('heading', { level: 2, name: /^Draft/ });
    expect(fireEvent.keyDown(heading, { key: 's', ctrlKey: true })).toBe(false);
    expect(focused()).toBe('button: Review and create…');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('isolates the name in what the review says will be created', async () => {
    keepDraft(policy('Block \u202Eevil'));
    draw();
    const review = await reviewButton();
    fireEvent.click(review);
    expect(within(screen.getByRole('dialog', { name: 'Review' })).getByText(/^Creates/).textContent).toContain('“Block \\u202Eevil”');
  });
});

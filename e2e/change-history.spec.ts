// The tenant's change history: audit-log events and versions kept on this device in one timeline,
// filtered by date, each change in words with its diff, and a revert through the editor. A named
// location's change is reverted in a dialog (the diff first, a later change never overwritten), and
// a deleted location leads to Deleted items.
import { asColleague } from './support/colleague';
import { expect, signInToLocalTenant, test, withholdScopes } from './support/fixtures';
import { section } from './support/navigation';

const LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';
type Location = { id: string; displayName: string; '@odata.type': string; ipRanges?: { cidrAddress: string }[] };

test('shows who changed which policy and how, filters by date, and reverts from the timeline', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Change history').click();
  const timeline = page.getByRole('list', { name: 'Changes, newest first' });

  // The last 7 days by default: the seeded changes of 1, 2, 3 and 6 days ago, not the one of 20.
  const ca006 = timeline.getByRole('listitem').filter({ hasText: 'CA006: Block access from outside allowed countries' }).first();
  await expect(ca006).toContainText('ada.lindqvist@contoso.example');
  await expect(ca006).toContainText("Excluded location 'Corporate network' added");
  await expect(timeline.getByRole('listitem').filter({ hasText: 'CA028' }).first()).toContainText(
    "Grant: require MFA → require authentication strength 'Contractor MFA (FIDO2 or Authenticator)'",
  );
  await expect(timeline).toContainText('Contoso Automation');
  await expect(timeline).not.toContainText('CA003');

  await ca006.getByRole('button', { name: 'Show diff' }).click();
  await expect(ca006.getByTestId('diff-viewer')).toBeVisible();
  // The count heads the words one level below the page's h1.
  await expect(ca006.getByRole('heading', { level: 2, name: /^(\d+ differences|1 difference)$/ })).toBeVisible();

  // A wider window brings older changes; an empty one says so.
  const today = new Date();
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From', { exact: true }).fill(daysAgo(25));
  await expect(timeline).toContainText('CA003');
  await expect(page).toHaveURL(/from=/);
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-01-31');
  await expect(page.getByText('No changes in this window')).toBeVisible();
  // A window that ends before it starts is said once, at its field, not answered with "no changes".
  await page.getByLabel('From', { exact: true }).fill('2020-02-15');
  await expect(page.getByText('The window must start before it ends.')).toBeVisible();
  await expect(page.getByText('No changes in this window')).toHaveCount(0);
  // Back to the default window, within the app.
  await section(page, 'Policies').click();
  await section(page, 'Change history').click();

  await ca006.getByRole('button', { name: 'Revert to the version before this…' }).click();
  await expect(
    page.getByText(/Reverting CA006: Block access from outside allowed countries to the version before “Update conditional access policy”/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await expect(page.getByRole('dialog')).toContainText("Excluded location 'Corporate network' removed");
});

test('without access to the audit log, says so and still shows the versions kept on this device', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(403, '/v1.0/auditLogs/directoryAudits');
  await signInToLocalTenant(page, signInPage, policiesPage, ['AuditLog.Read.All']);
  await section(page, 'Change history').click();
  await expect(page.getByText(/The audit log could not be read/)).toBeVisible();
  // Nothing kept on this device either: said as that, not "widen the dates", which cannot bring the log back.
  await expect(page.getByText('No version kept on this device in this window')).toBeVisible();
  await expect(page.getByText(/Widen the dates/)).toHaveCount(0);
  await withholdScopes([]);
});

test('reverts a named location to the version before a change, after showing the diff, and never over a later change', async ({
  page,
  signInPage,
  consoleGuard,
}) => {
  // The colleague's script meets Graph's one request a second for Conditional Access, and waits as a script
  // would; the console's own reads share the tenant's budget, and its client waits and retries them likewise.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  // A colleague changes the VPN's range, then renames it.
  const { value } = await asColleague<{ value: Location[] }>(page, 'GET', LOCATIONS);
  const vpn = value.find((l) => l.displayName === 'Azure VPN egress')!;
  const kind = { '@odata.type': vpn['@odata.type'] };
  await asColleague(page, 'PATCH', `${LOCATIONS}/${vpn.id}`, {
    ...kind,
    ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' }],
  });
  await asColleague(page, 'PATCH', `${LOCATIONS}/${vpn.id}`, { ...kind, displayName: 'VPN egress (renamed)' });

  await section(page, 'Change history').click();
  const timeline = page.getByRole('list', { name: 'Changes, newest first' });
  const changes = timeline.getByRole('listitem').filter({ hasText: 'Update named location' });
  const rename = changes.filter({ hasText: 'Update named location: VPN egress (renamed)' });
  const newRange = changes.filter({ hasText: 'Update named location: Azure VPN egress' });
  await expect(rename).toHaveCount(1);

  // The older change: the location has changed since, so it is shown and nothing is written.
  await newRange.getByRole('button', { name: 'Revert to the version before this…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('was changed since “Update named location”');
  await expect(dialog.getByRole('button', { name: 'Revert the location' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The rename: the diff first (the location now against the version it goes back to), and the policy that uses it.
  await rename.getByRole('button', { name: 'Revert to the version before this…' }).click();
  await expect(dialog.getByTestId('diff-viewer')).toBeVisible();
  await expect(dialog).toContainText('Left: the location now. Right: the version it goes back to.');
  await expect(dialog).toContainText('Name: VPN egress (renamed) → Azure VPN egress');
  await expect(dialog.getByRole('list', { name: 'Policies that use this location' })).toContainText(
    'EM02 - ENABLE IN EMERGENCY: Compliance service disruption [2/2]',
  );
  await expect(dialog).toContainText('This change affects 1 policy that uses this location');
  await dialog.getByRole('button', { name: 'Revert the location' }).click();
  await expect(
    page.getByText(
      /^“VPN egress \(renamed\)” is back to the version before “Update named location” of .+, as read back from the tenant\.$/,
    ),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The tenant holds the name again, with the colleague's range; the history shows the revert as the newest change.
  const back = await asColleague<Location>(page, 'GET', `${LOCATIONS}/${vpn.id}`);
  expect(back.displayName).toBe('Azure VPN egress');
  expect(back.ipRanges?.map((r) => r.cidrAddress)).toEqual(['198.51.100.0/24']);
  const newest = timeline.getByRole('listitem').first();
  await expect(newest).toContainText('Update named location: Azure VPN egress');
  await expect(newest).toContainText('ada.lindqvist@contoso.example');
});

test('a deleted named location leads to Deleted items while they keep it', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Change history').click();
  const deleted = page
    .getByRole('list', { name: 'Changes, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'Delete named location: Old VPN egress' });
  await expect(deleted.getByRole('button', { name: 'Revert to the version before this…' })).toHaveCount(0);
  await deleted.getByRole('button', { name: 'Deleted: see deleted named locations' }).click();
  await expect(page).toHaveURL(/\/deleted$/);
  await expect(page.getByRole('table', { name: 'Deleted named locations' })).toContainText('Old VPN egress');
});

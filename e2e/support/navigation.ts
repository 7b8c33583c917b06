// The console's main navigation: each section is a link, so it can also be opened in a new tab.
import type { Page } from '@playwright/test';

export type Section =
  | 'Policies'
  | 'Lint'
  | 'Deleted policies'
  | 'Compare'
  | 'Change history'
  | 'Backup'
  | 'Import'
  | 'What if'
  | 'Rollout'
  | 'Templates'
  | 'Emergency access'
  | 'Contingency'
  | 'Settings';

/** A section's link in the main navigation (the current one has aria-current="page"). */
export function section(page: Page, name: Section) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

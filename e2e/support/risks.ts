// The plan review's lock-out risks to confirm before applying: exactly those expected are asked, each ticked by name.
// (Ticking whatever boxes there were could not tell a risk asked of the wrong account, or one not asked at all.)
import { expect, type Page } from '@playwright/test';

/** Each pattern names one risk, from its policy: "I understand the risk for '<policy>': Could lock out <who>: …". */
export async function confirmRisks(page: Page, expected: readonly RegExp[]) {
  await expect(page.getByRole('checkbox', { name: /^I understand the risk for/ })).toHaveCount(expected.length);
  for (const risk of expected) await page.getByRole('checkbox', { name: risk }).check();
}

/** A risk of locking out the signed-in admin (Ada Lindqvist) by the policy whose name starts so. */
export const riskToAda = (policyStart: string) =>
  new RegExp(
    `^I understand the risk for '${policyStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^']*': Could lock out Ada Lindqvist \\(you\\)`,
  );

// Graph accepts block beside other controls; the console warns because they can never apply.
import { grantOf } from './loose-json';
import type { Rule } from './rule';

export const blockStandsAlone: Rule = {
  id: 'block-stands-alone',
  severity: 'warning',
  source: 'console',
  description: 'Block access is the only grant control: beside it, the others never apply.',
  looksAt: [
    ['grantControls', 'builtInControls'],
    ['grantControls', 'authenticationStrength'],
  ],
  check(policy) {
    const { controls, hasStrength } = grantOf(policy);
    if (!controls.includes('block') || (controls.length === 1 && !hasStrength)) return [];
    return [
      {
        path: ['grantControls', 'builtInControls'],
        message:
          "Block access wins over every other grant control, so the others never apply: probably a mistake. Keep 'block' alone, or remove it.",
      },
    ];
  },
};

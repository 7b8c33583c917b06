// The emulator keeps its own list of a policy's top-level properties (what it accepts, the rest being a
// schema error) and the console its POLICY_PROPERTIES (what the summary describes, the rest going to
// Other settings): lint keeps the emulator from importing src/domain, so only src/testing can hold
// the two side by side. A property Graph adds must go into both; this test says which list lacks it.
import { describe, expect, it } from 'vitest';
import { policyProperties } from '../emulator/core/policy-shape';
import { POLICY_PROPERTIES } from '../domain/policy-schema-properties';

/** The properties one list has and the other lacks, named by where they are missing. */
function drift(emulator: Iterable<string>, consoleList: Iterable<string>) {
  const inEmulator = new Set(emulator);
  const inConsole = new Set(consoleList);
  return {
    'missing from the emulator (policyProperties, src/emulator/core/policy-shape.ts)': [...inConsole].filter((p) => !inEmulator.has(p)),
    'missing from the console (POLICY_PROPERTIES, src/domain/policy-schema-properties.ts)': [...inEmulator].filter(
      (p) => !inConsole.has(p),
    ),
  };
}

describe("the emulator's and the console's lists of a policy's properties", () => {
  it('name the same properties', () => {
    expect(drift(policyProperties, POLICY_PROPERTIES)).toEqual(drift([], []));
  });

  it('say which property is missing where when they drift apart', () => {
    expect(drift(['displayName', 'sessionControls'], ['displayName', 'sessionControl'])).toEqual({
      'missing from the emulator (policyProperties, src/emulator/core/policy-shape.ts)': ['sessionControl'],
      'missing from the console (POLICY_PROPERTIES, src/domain/policy-schema-properties.ts)': ['sessionControls'],
    });
  });
});

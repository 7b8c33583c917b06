// The one list of a policy's properties that the summary and What if read: every name in it is a
// property the schema describes, so a misspelt name cannot mark a real property as read (and hide it
// from Other settings, or from What if's "not read" caveat).
import { describe, expect, it } from 'vitest';
import { conditionalAccessPolicySchema } from './policy-schema';
import {
  AGENT_IDENTITY_PROPERTIES,
  APPLICATIONS_PROPERTIES,
  POLICY_PROPERTIES,
  USERS_PROPERTIES,
  WORKLOAD_IDENTITY_PROPERTIES,
} from './policy-schema-properties';

type Schema = { properties?: Record<string, Schema> };
const propertiesOf = (...path: string[]) =>
  Object.keys(
    path.reduce<Schema>((schema, key) => schema.properties?.[key] ?? {}, conditionalAccessPolicySchema as Schema).properties ?? {},
  );

describe('the policy properties the console reads', () => {
  it('lists every top-level property of the schema, and no other', () => {
    expect([...POLICY_PROPERTIES].sort()).toEqual(propertiesOf().sort());
  });

  it('lists every users property of the schema, and no other', () => {
    expect([...USERS_PROPERTIES].sort()).toEqual(propertiesOf('conditions', 'users').sort());
  });

  it('lists the applications properties except the deprecated ones', () => {
    expect([...APPLICATIONS_PROPERTIES, 'networkAccess', 'globalSecureAccess'].sort()).toEqual(
      propertiesOf('conditions', 'applications').sort(),
    );
  });

  it('lists workload and agent identities, together every clientApplications property', () => {
    expect([...WORKLOAD_IDENTITY_PROPERTIES, ...AGENT_IDENTITY_PROPERTIES].sort()).toEqual(
      propertiesOf('conditions', 'clientApplications').sort(),
    );
  });
});

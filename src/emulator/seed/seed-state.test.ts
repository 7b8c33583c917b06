// The demo reseeds its tenants on every reload until the first write saves them: seeded from the
// same instant, they must be the same tenants, or a draft begun before the reload looks outdated.
import { describe, expect, it } from 'vitest';
import { createSeedState } from '.';

describe('createSeedState', () => {
  it('gives the same tenants, ids and times included, when seeded twice from one instant', () => {
    const at = new Date('2026-11-27T09:30:00Z');
    expect(createSeedState(at)).toEqual(createSeedState(at));
  });
});

import { describe, expect, it } from 'vitest';
import { daysLeft } from './deleted-items';

describe('daysLeft', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  it('counts the days left of the 30 as people do', () => {
    expect(daysLeft('2026-11-15T12:00:00Z', new Date('2026-11-20T12:00:00.005Z'))).toBe(25);
    expect(daysLeft('2026-11-20T11:00:00Z', now)).toBe(30);
    expect(daysLeft('2026-10-21T13:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-10-21T11:00:00Z', now)).toBe(0);
  });
});

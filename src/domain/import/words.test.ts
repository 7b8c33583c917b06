// Names from the admin's files inside an import's sentences are isolated: "Uses “$a‮b” …" keeps its order.
import { describe, expect, it } from 'vitest';
import { someNames } from './words';

describe('someNames', () => {
  it('isolates a name holding a direction control, and leaves Latin names as they are', () => {
    expect(someNames(['Office', 'Pilot\u202Egroup'])).toBe('“Office” and “Pilot\\u202Egroup”');
    expect(someNames(['a', 'b', 'c', 'd\u202E'])).toBe('“a”, “b”, “c” and 1 more');
  });
});

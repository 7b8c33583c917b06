import { describe, expect, it } from 'vitest';
import { mailNicknameFor } from './groups';

describe('mailNicknameFor', () => {
  const fixed = () => '1a2b3c4d';
  // Graph's rule (group-post-groups): at most 64 ASCII characters, none of @ ( ) \ [ ] " ; : . < > , or space.
  const acceptable = (nickname: string) => nickname.length <= 64 && /^[\x21-\x7e]+$/.test(nickname) && !/[@()\\[\]";:.<>,]/.test(nickname);

  it('keeps the letters and digits of the name, accents dropped, and ends with the suffix', () => {
    expect(mailNicknameFor('CA - Pilot users (Zürich)', fixed)).toBe('ca-pilot-users-zurich-1a2b3c4d');
    expect(mailNicknameFor('O\'Brien; "ops" <team>@HQ.', fixed)).toBe('o-brien-ops-team-hq-1a2b3c4d');
  });

  it('stays within 64 characters for a long name, and has a stem when the name has no Latin letter', () => {
    const long = mailNicknameFor('Emergency access '.repeat(10), fixed);
    expect(long).toHaveLength(64);
    expect(long.endsWith('-1a2b3c4d')).toBe(true);
    expect(mailNicknameFor('緊急アクセス', fixed)).toBe('group-1a2b3c4d');
    for (const name of ['Emergency access '.repeat(10), '緊急アクセス', 'a.b@c(d)[e]', '—'])
      expect(acceptable(mailNicknameFor(name))).toBe(true);
  });
});

// A name with direction controls or zero-width characters reads differently from what it holds (the
// words after U+202E show backwards) and looks like another policy's name. Graph accepts it: a warning.
import { invisibleCharactersIn } from '../invisible-characters';
import type { Rule } from './rule';

export const nameInvisibleCharacters: Rule = {
  id: 'name-invisible-characters',
  severity: 'warning',
  source: 'console',
  description: 'The policy’s name holds no invisible characters that change how it reads.',
  looksAt: [['displayName']],
  check: ({ displayName }) => {
    const found = typeof displayName === 'string' ? invisibleCharactersIn(displayName) : [];
    return found.length
      ? [
          {
            path: ['displayName'],
            message: `The name holds invisible characters that change how it reads: ${found.join(', ')}. Type the name again without them.`,
          },
        ]
      : [];
  },
};

// A name with direction controls or zero-width characters reads differently from what it holds (the
// words after U+202E show backwards) and looks like another policy's name; one with a line break or another
// control character is split over lines where printed raw (a forged line in a pipeline's log). Graph accepts
// both: a warning.
import { invisibleCharactersIn } from '../invisible-characters';
import type { Rule } from './rule';

export const nameInvisibleCharacters: Rule = {
  id: 'name-invisible-characters',
  severity: 'warning',
  source: 'console',
  description: 'The policy’s name holds no invisible characters, line breaks or control characters that change how it reads.',
  looksAt: [['displayName']],
  check: ({ displayName }) => {
    const found = typeof displayName === 'string' ? invisibleCharactersIn(displayName) : [];
    return found.length
      ? [
          {
            path: ['displayName'],
            message: `The name holds characters that change how it reads: ${found.join(', ')}. Type the name again without them.`,
          },
        ]
      : [];
  },
};

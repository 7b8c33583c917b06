// Fails early, with instructions, when no Chromium is available for the end-to-end tests.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`
No Chromium found at ${path}; the end-to-end tests need one.
  Debian or Ubuntu:  sudo apt-get install chromium
  Elsewhere:         npx playwright install chromium, then set CHROMIUM_PATH to the browser it installed
                     (or point CHROMIUM_PATH at any Chromium or Chrome you have).
`);
  process.exit(1);
}

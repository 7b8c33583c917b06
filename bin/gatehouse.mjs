#!/usr/bin/env node
// `npx gatehouse <command>`: runs the command line's TypeScript (src/cli/main.ts) through tsx, so
// the repository needs no build step to be used from a pipeline (npm ci, then npx gatehouse).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

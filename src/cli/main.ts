// The Gatehouse command line: `gatehouse <command> [options]` (bin/gatehouse.mjs runs this file
// through tsx). The console's own domain code and use cases, run unattended: pipelines, nightly
// jobs, many tenants. Results go to stdout, progress and errors to stderr, scrubbed of credentials.
import { processIo } from './io';
import { createRedactor } from './redact';
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), processIo(createRedactor()));

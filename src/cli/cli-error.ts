// A failure the command line explains in one sentence and exits 2 for (bad input, sign-in refused,
// a file that cannot be read): shown without a stack, as the admin's next step rather than a trace.
export class CliError extends Error {
  readonly name = 'CliError';
}

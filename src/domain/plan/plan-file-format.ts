// The format named in a plan file, what `gatehouse plan` writes and `gatehouse apply` runs: the command line
// writes and reads it, and the console recognises it (to say where such a file belongs) from this one name.
export const PLAN_FORMAT = 'gatehouse.plan';

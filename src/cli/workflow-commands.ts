// The net under everything the command line prints: a pipeline's runner reads its log for commands. GitHub
// Actions takes a line that starts with "::" (after spaces) as a workflow command ("::warning::…",
// "::add-mask::…", "::stop-commands::…"), and "##[…" anywhere as its older form; Azure DevOps takes "##vso[…"
// anywhere in a line. Gatehouse's own words never hold these, so where they appear they came from the tenant
// or the disk (a policy named "x\n::warning::All OK"): shown with the bracket or colon escaped, never run.
// "\u005B" and "\u003A" are also JSON escapes of the same characters, so JSON output keeps its values.

// Any space .NET trims (no-break, em…, and U+0085, which JavaScript's \s leaves out) before it; a letter
// after it, so an IPv6 range ("::1/128") stays.
const LINE_START_COLONS = /^((?:[^\S\n]|\u0085)*):(?=:[A-Za-z])/gm;
const HASH_BRACKET = /##(vso)?\[/gi;

/** The text with no line the runner would take as a workflow or logging command. */
export const withoutWorkflowCommands = (text: string) =>
  text.replace(LINE_START_COLONS, '$1\\u003A').replace(HASH_BRACKET, (_match, vso: string | undefined) => `##${vso ?? ''}\\u005B`);

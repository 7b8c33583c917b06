// `gatehouse whatif --suite <scenarios.json> [--draft <policy.json>]...`: the console's what-if
// suite (its Export file) run against the tenant's saved policies, and with drafts in place, by the
// same engine: each scenario's outcome in words, what the drafts change, and whether each still
// gets the outcome expected of it. Exit 1 when one does not; 2 when it cannot be told (an uncertain
// outcome does not pass).
import { readScenarios, type SubjectFacts } from '../../domain/evaluation/scenario';
import { runSuite } from '../../domain/evaluation/scenario-suite';
import { isJsonObject } from '../../domain/json';
import { readApplicationOwner, readSignInSubject, readWorkload } from '../../graph/what-if';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts } from '../args';
import { CliError } from '../cli-error';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { placeDraft, readDraftFile, withDrafts, type DraftFile } from '../evaluation/drafts';
import {
  checkOutput,
  FORMATS,
  MFA_TRUSTED_IPS_OPTION,
  mfaTrustedIpsOf,
  OUTPUT_OPTIONS,
  readJsonFile,
  readTenantPolicies,
  writeOutput,
} from '../evaluation/outputs';
import { suiteJson, suiteMarkdown, suiteText } from '../evaluation/suite';
import { EXIT, type Command } from './command';

export const whatifCommand: Command = {
  name: 'whatif',
  summary:
    "Run a what-if suite (the console's scenario export) against the saved policies and with drafts: each outcome, what changes, failed expectations.",
  usage:
    'gatehouse whatif --suite <scenarios.json> [--draft <policy.json>]... [--mfa-trusted-ips <ranges|none>] [--format text|markdown|json] [--out <file>] [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    suite: { type: 'string', value: '<file>', description: 'The scenarios, as the What if page exports them (with expected outcomes).' },
    draft: {
      type: 'string',
      multiple: true,
      value: '<file>',
      description: 'A draft policy (JSON): replaces the saved policy of its id, or is added as new (repeat for each).',
    },
    ...MFA_TRUSTED_IPS_OPTION,
    ...OUTPUT_OPTIONS,
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: [
    'Exit codes: 0 every expectation met (or none given), 1 a scenario no longer gets its expected outcome,',
    '2 error, or a scenario that cannot be run (an IP address that is not one, no sign-in identity or target),',
    'or whose expectation cannot be told (its outcome is not certain: a policy that may apply needs what the scenario does not say).',
  ].join('\n'),
  async run(values, _positionals, io) {
    const format = choice(values, 'format', FORMATS, 'text');
    const suitePath = text(values, 'suite');
    if (!suitePath) throw new CliError('Which scenarios? Give --suite <scenarios.json> (Export on the What if page makes one).');
    const mfaTrustedIps = mfaTrustedIpsOf(values);
    let made = 0;
    const file = await readJsonFile(suitePath, 'the scenarios', io.cwd);
    const read = readScenarios(file, () => `scenario-${++made}`);
    // Scenarios the file holds that could not be read at all (no sign-in identity or target): named below, as not run.
    const inFile = isJsonObject(file) && Array.isArray(file.scenarios) ? file.scenarios.length : read.scenarios.length;
    const leftOut = Math.max(0, inFile - read.scenarios.length);
    for (const problem of read.problems) io.err(`${suitePath}: ${problem}\n`);
    if (read.scenarios.length === 0) throw new CliError(`${suitePath} holds no scenario that can be run.`);
    await checkOutput(values, io);
    // Checked before signing in: a missing or broken draft fails fast, without the tenant's reads.
    const draftFiles: DraftFile[] = [];
    for (const path of texts(values, 'draft')) draftFiles.push(await readDraftFile(path, io.cwd));

    const tenant = await connectTenant('whatif', values, io);
    const client = tenant.context.client;
    io.err('Reading the policies, named locations and the scenarios’ users, workload identities and applications…\n');
    const { policies, namedLocations } = await readTenantPolicies(client);
    const drafts = draftFiles.map((file) => placeDraft(file, policies));
    // What the What if page reads: each user's groups, roles and guest kind; each workload identity's
    // type and owner; each target application's owner. A workload or owner that cannot be read leaves
    // what depends on it uncertain, as on the page.
    const subjects = new Map<string, SubjectFacts>();
    const unread = (what: string) => (error: unknown) => {
      io.err(`Could not read ${what}: ${error instanceof Error ? error.message : String(error)} (what depends on it stays uncertain).\n`);
      return undefined;
    };
    for (const id of new Set(read.scenarios.flatMap((s) => (s.identity.kind === 'user' ? [s.identity.id] : []))))
      subjects.set(id, await readSignInSubject(client, id));
    for (const id of new Set(read.scenarios.flatMap((s) => (s.identity.kind === 'servicePrincipal' ? [s.identity.id] : [])))) {
      const workload = await readWorkload(client, id, tenant.tenantId).catch(unread(`the workload identity ${id}`));
      if (workload) subjects.set(id, { workload });
    }
    const owners = new Map<string, string | null | undefined>();
    for (const appId of new Set(read.scenarios.flatMap((s) => (s.target.kind === 'application' ? [s.target.appId] : []))))
      owners.set(appId, await readApplicationOwner(client, appId).catch(unread(`the owner of the application ${appId}`)));

    const context = { namedLocations, ...(mfaTrustedIps && { mfaTrustedIps }) };
    const results = runSuite(read.scenarios, policies, drafts.length > 0 ? withDrafts(policies, drafts) : null, subjects, context, owners);
    const heading =
      drafts.length > 0
        ? `What if, with ${drafts.map((d) => d.label).join(' and ')}: ${read.scenarios.length} scenario(s) from ${suitePath}`
        : `What if, with the saved policies: ${read.scenarios.length} scenario(s) from ${suitePath}`;
    const withDraft = drafts.length > 0;
    await writeOutput(
      values,
      io,
      format === 'json'
        ? suiteJson(
            results,
            drafts.map((d) => d.path),
          )
        : format === 'markdown'
          ? `${suiteMarkdown(results, heading, withDraft)}\n`
          : suiteText(results, heading, withDraft),
    );
    appendJobSummary(io, suiteMarkdown(results, heading, withDraft));
    if (results.some((r) => 'row' in r && r.row.meetsExpectation === false)) return EXIT.finding;
    const notRun = results.filter((r) => 'notRun' in r).length;
    const untold = results.filter((r) => 'row' in r && r.row.expectation === 'cannotTell').length;
    // An uncertain outcome does not pass: a pipeline must not read "may be" as "is".
    if (untold > 0)
      io.err(
        `${suitePath}: for ${untold === 1 ? '1 scenario' : `${untold} scenarios`} it cannot be told whether the expected outcome is met (not certain, named above): give what ${untold === 1 ? 'it needs' : 'they need'}.\n`,
      );
    if (notRun === 0 && leftOut === 0) return untold > 0 ? EXIT.error : EXIT.ok;
    // A scenario that cannot be run is an error in the file: a pipeline must not read its silence as a pass.
    const were = (n: number) => (n === 1 ? '1 scenario was' : `${n} scenarios were`);
    const said = [
      ...(notRun > 0 ? [`${were(notRun)} not run (an IP address that is not one)`] : []),
      ...(leftOut > 0
        ? [
            `${notRun > 0 ? (leftOut === 1 ? '1 was' : `${leftOut} were`) : were(leftOut)} left out (no sign-in identity or target, named above)`,
          ]
        : []),
    ];
    io.err(`${suitePath}: ${said.join(' and ')}: correct the file.\n`);
    return EXIT.error;
  },
};

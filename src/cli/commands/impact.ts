// `gatehouse impact --draft <policy.json>`: what saving a draft would do to the tenant's recent
// sign-ins, computed as the editor's save review computes it (impactOfDraft over the sign-in log,
// the users' groups and roles, the saved policies): emergency accounts hit first, each class with
// its distinct users and applications, and the engine's agreement with the service. Exit 1 when
// the draft newly blocks anyone (or, with --fail-on any-change, changes anything), or would keep an
// emergency account out (or, blocking, cannot be evaluated for one: not knowing is no pass). When the
// log cannot be read it says why and exits 2: a pipeline gate that could not look must not pass
// quietly (--allow-no-logs makes that 0, said on stderr).
import { namesAgentUsers } from '../../domain/evaluation/conditions/users';
import { agentUserInLog } from '../../domain/evaluation/bulk/from-sign-in-log';
import { readUserDirectory } from '../../graph/sign-in-directory';
import { readSignIns, signInsUnavailable } from '../../graph/sign-ins';
import { choice, CONNECTION_OPTIONS, HELP_OPTION, text, texts, wholeNumber } from '../args';
import { CliError } from '../cli-error';
import { appendJobSummary } from '../io';
import { connectTenant } from '../tenant';
import { impactOfDraft } from '../../domain/evaluation/impact-of-draft';
import { placeDraft, readDraftFile } from '../evaluation/drafts';
import { readEmergency } from '../evaluation/emergency';
import { alertCouldLockOut } from '../../domain/evaluation/bulk/impact';
import { impactJson, impactMarkdown, impactText, type ImpactRun } from '../evaluation/impact-report';
import {
  checkOutput,
  FORMATS,
  MFA_TRUSTED_IPS_OPTION,
  mfaTrustedIpsOf,
  OUTPUT_OPTIONS,
  readTenantPolicies,
  writeOutput,
} from '../evaluation/outputs';
import { EXIT, type Command } from './command';

const FAIL_ON = ['newly-blocked', 'any-change'] as const;
const CHANGES = ['newlyBlocked', 'newlyRequiredWouldPrompt', 'newlyRequiredSatisfied', 'sessionChanged', 'relaxed'] as const;

export const impactCommand: Command = {
  name: 'impact',
  summary: "A draft's impact over the tenant's recent sign-ins, as the save review computes it: who would be newly blocked or prompted.",
  usage:
    'gatehouse impact --draft <policy.json> [--days 7] [--max 5000] [--emergency <id>]... [--fail-on newly-blocked|any-change] [--allow-no-logs] [--mfa-trusted-ips <ranges|none>] [--format text|markdown|json] [--out <file>] [connection options]',
  positionals: { min: 0, max: 0 },
  options: {
    draft: {
      type: 'string',
      value: '<file>',
      description: 'The draft policy (JSON): with the id of a saved policy it replaces that one, without it is a new policy.',
    },
    days: { type: 'string', value: '<n>', description: 'How many days of sign-ins (default 7, at most 30: the log keeps 30).' },
    max: { type: 'string', value: '<n>', description: 'Read at most this many sign-ins, newest first (default 5000; the cap is said).' },
    emergency: {
      type: 'string',
      multiple: true,
      value: '<id>',
      description: 'An emergency-access account or group, by object id (repeat): any hit on one is shown first.',
    },
    'fail-on': {
      type: 'string',
      value: '<newly-blocked|any-change>',
      description: 'Exit 1 when anyone is newly blocked (default), or on any change (indeterminate sign-ins are not a change).',
    },
    'allow-no-logs': {
      type: 'boolean',
      description: 'When the sign-in logs cannot be read (licence, permission), exit 0 instead of 2.',
    },
    ...MFA_TRUSTED_IPS_OPTION,
    ...OUTPUT_OPTIONS,
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
  },
  more: [
    'Exit codes: 0 nothing to fail on, 1 the draft newly blocks someone (or changes anything, with --fail-on any-change),',
    'or an emergency account would be blocked or prompted (or, for a blocking draft, has sign-ins that cannot be evaluated);',
    '2 error, or the sign-in logs could not be read (0 with --allow-no-logs).',
  ].join('\n'),
  async run(values, _positionals, io) {
    const format = choice(values, 'format', FORMATS, 'text');
    const failOn = choice(values, 'fail-on', FAIL_ON, 'newly-blocked');
    const draftPath = text(values, 'draft');
    if (!draftPath) throw new CliError('Which draft? Give --draft <policy.json>.');
    const days = wholeNumber(values, 'days', 7, 1, 30);
    const cap = wholeNumber(values, 'max', 5000, 1, 1_000_000);
    const mfaTrustedIps = mfaTrustedIpsOf(values);
    await checkOutput(values, io);
    // Checked before signing in: a missing or broken draft fails fast, without the tenant's reads.
    const draftFile = await readDraftFile(draftPath, io.cwd);

    const allowNoLogs = values['allow-no-logs'] === true;
    // A gate told to pass without logs passes when the permission to read them is missing, as when a licence is.
    const tenant = await connectTenant('impact', values, io, allowNoLogs ? { goesOnWithout: ['AuditLog.Read.All'] } : {});
    const client = tenant.context.client;
    const { policies, namedLocations } = await readTenantPolicies(client);
    const draft = placeDraft(draftFile, policies);
    const emergency = await readEmergency(client, texts(values, 'emergency'));
    const withoutLogs = (why: string) => {
      io.err(`The impact could not be computed: ${why} Going on, as --allow-no-logs asks.\n`);
      appendJobSummary(io, `### Impact of a Conditional Access draft\n\nNot computed: ${why}`);
      return EXIT.ok;
    };
    const unread = tenant.lacking.map((p) => `${p.name} (${p.why})`);
    if (unread.length > 0) return withoutLogs(`The token for ${tenant.tenantId} lacks ${unread.join('; ')}.`);
    io.err(`Reading the sign-ins of the last ${days} day(s), at most ${cap}…\n`);
    let log;
    try {
      log = await readSignIns(client, { since: new Date(io.now().getTime() - days * 86_400_000), cap });
    } catch (error) {
      const why = signInsUnavailable(error);
      if (!why) throw error;
      if (allowNoLogs) return withoutLogs(why);
      throw new CliError(`The impact could not be computed: ${why} (--allow-no-logs lets the run go on without it.)`);
    }
    const userIds = [...new Set(log.signIns.flatMap((s) => (typeof s.userId === 'string' && s.userId ? [s.userId] : [])))].sort();
    const typeLogged: Record<string, boolean> = {};
    for (const s of log.signIns) {
      const agentUser = agentUserInLog(s);
      if (typeof s.userId === 'string' && s.userId && agentUser !== undefined) typeLogged[s.userId] = agentUser;
    }
    const users =
      userIds.length > 0
        ? await readUserDirectory(client, userIds, { agentUsers: namesAgentUsers([draft.policy, ...policies]), typeLogged })
        : {};
    const answer = impactOfDraft({
      tenantId: tenant.tenantId,
      signIns: log.signIns,
      users,
      policies,
      policyId: draft.replaces,
      draft: draft.policy,
      namedLocations,
      ...(mfaTrustedIps && { mfaTrustedIps }),
      emergencyAccountIds: emergency.accounts.map((a) => a.id),
    });
    const run: ImpactRun = { answer, draftLabel: draft.label, days, read: log.signIns.length, capped: log.capped, cap };
    await writeOutput(
      values,
      io,
      format === 'json' ? impactJson(run) : format === 'markdown' ? `${impactMarkdown(run)}\n` : impactText(run),
    );
    appendJobSummary(io, impactMarkdown(run));

    const { classes, alerts } = answer.impact;
    const lockout = alerts.some((a) => a.who === 'emergencyAccount' && alertCouldLockOut(a, draft.policy));
    const failing = failOn === 'any-change' ? CHANGES.some((c) => classes[c].signIns > 0) : classes.newlyBlocked.signIns > 0;
    return lockout || failing ? EXIT.finding : EXIT.ok;
  },
};

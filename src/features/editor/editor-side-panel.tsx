// Beside the JSON: the state switch, what the checks found (with who the change could lock out, in
// the review's words, and, while no emergency-access accounts are named, what it leaves out that
// most policies for all users exclude, for a draft not On as it would be once turned on), and the live
// plain-language summary. Until the lint has answered, the checks say it is still checking, not "No problems found."
import { Badge, Label, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { NameDirectory } from '../../domain/references';
import type { LockoutRisk } from '../../domain/lockout';
import type { PolicyFinding } from '../../domain/policy-checks';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { policyJson } from '../../domain/json';
import { PolicySummaryView, useLiveSummary } from '../../policy-ui/policy-summary-view';
import { CANDIDATES_CHECKING, CANDIDATES_FAILED, UnnamedNote, useUnnamedEmergency } from './unnamed-emergency';
import type { LintProgress } from './use-lint-markers';

/** Said instead of "No problems found." until the lint's first answer (it starts once the editor has painted). */
export const LINT_CHECKING = 'Checking the JSON with the lint…';
export const LINT_FAILED = 'The lint could not run: the JSON was not checked against its rules.';

const useStyles = makeStyles({
  // Focused by the skip link before the JSON, it scrolls into view with room above its first label.
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    scrollMarginTop: tokens.spacingVerticalXXL,
  },
  // The heading, the findings and the notes below them, each apart from the next.
  checks: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  finding: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  // A long value the admin typed has no spaces to break at: it wraps anywhere rather than widen the page.
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  message: { display: 'block' },
  none: { margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
  info: { color: tokens.colorNeutralForeground3, flexShrink: 0, marginTop: '2px' },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
    margin: 0,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const icons = { error: ErrorCircleRegular, warning: WarningRegular, info: InfoRegular };

export function EditorSidePanel({
  id,
  policy,
  parseError,
  findings,
  names,
  onStateChange,
  pickers,
  lintNote,
  lintProgress = 'done',
  risks = [],
}: {
  /** Where the skip link before the JSON puts the keyboard's focus. */
  id?: string;
  policy: ConditionalAccessPolicy | null;
  parseError: string | null;
  findings: PolicyFinding[];
  names: NameDirectory | undefined;
  onStateChange(state: string): void;
  /** The visual editing of include and exclude lists. */
  pickers: ReactNode;
  /** What the lint marks in the JSON besides the checks, in a sentence, when it marks anything. */
  lintNote?: string | null;
  /** Whether the lint has answered yet; `lintNote` is said only of an answer. */
  lintProgress?: LintProgress;
  /** Who this change could lock out, as the lock-out guard says it (the review asks to acknowledge them). */
  risks?: LockoutRisk[];
}) {
  const styles = useStyles();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const problems = findings.filter((f) => f.severity !== 'info');
  const readOnly = findings.filter((f) => f.severity === 'info').map((f) => f.path.join('.'));
  const summary = useLiveSummary(policy, names);
  // policyJson only retypes the policy: the same object while the draft is, so it is not judged again on every render.
  const emergency = useUnnamedEmergency(policy && policyJson(policy));
  // "No problems found." is claimed only once every check has answered.
  const found = problems.length + risks.length + emergency.warnings.length;
  const pending =
    [
      emergency.checking ? CANDIDATES_CHECKING : emergency.failed ? CANDIDATES_FAILED : null,
      lintProgress === 'checking' ? LINT_CHECKING : lintProgress === 'failed' ? LINT_FAILED : null,
    ]
      .filter(Boolean)
      .join(' ') || null;
  return (
    <aside id={id} tabIndex={-1} className={styles.panel} aria-label="Policy settings and checks">
      <div>
        <Label id="state-label" weight="semibold">
          State
        </Label>
        <RadioGroup
          layout="horizontal"
          aria-labelledby="state-label"
          aria-describedby={policy ? undefined : 'state-unavailable'}
          value={policy?.state ?? ''}
          disabled={!policy}
          onChange={(_, data) => onStateChange(data.value)}
        >
          <Radio value="enabled" label="On" />
          <Radio value="enabledForReportingButNotEnforced" label="Report-only" />
          <Radio value="disabled" label="Off" />
        </RadioGroup>
        {/* Greyed with no reason given, the switch looked broken. */}
        {!policy && (
          <Text as="p" id="state-unavailable" size={200} className={styles.path}>
            Fix the JSON to use these.
          </Text>
        )}
      </div>
      <section aria-labelledby="checks-heading" className={styles.checks}>
        <h2 id="checks-heading" className={styles.heading}>
          Checks {errors > 0 && <Badge color="danger">{errors} to fix</Badge>}
        </h2>
        {parseError ? (
          <ul className={styles.findings} role="list">
            <li className={styles.finding}>
              <ErrorCircleRegular className={styles.error} aria-label="Error" />
              <Text className={styles.text}>{parseError}</Text>
            </li>
          </ul>
        ) : found === 0 ? (
          <Text as="p" className={styles.none}>
            {/* The lint's marks, said below, are problems too: the checks' own silence is then all that is claimed. */}
            {pending ?? (lintNote ? 'The checks found no problems.' : 'No problems found.')}
          </Text>
        ) : (
          <ul className={styles.findings} role="list" aria-label="Problems found">
            {risks.map((risk) => (
              <li key={risk.who} className={styles.finding}>
                <WarningRegular className={styles.warning} aria-label="warning" />
                <span className={styles.text}>
                  <Text className={styles.message}>
                    <strong>This could lock people out — {risk.who}: </strong>
                    {risk.why}
                  </Text>
                  <span className={styles.path}>The review asks you to acknowledge it before saving.</span>
                </span>
              </li>
            ))}
            {emergency.warnings.map((warning) => (
              <li key={warning.key} className={styles.finding}>
                <WarningRegular className={styles.warning} aria-label="warning" />
                <Text className={styles.text}>{warning.text}</Text>
              </li>
            ))}
            {problems.map((finding, index) => {
              const Icon = icons[finding.severity];
              return (
                <li key={index} className={styles.finding}>
                  <Icon className={styles[finding.severity]} aria-label={finding.severity} />
                  <span className={styles.text}>
                    <Text className={styles.message}>
                      {finding.message}
                      {/* The words first; the number after them, for a search or a support case. */}
                      {finding.code && ` (Graph error ${finding.code})`}
                    </Text>
                    <span className={styles.path}>at {finding.path.join('.') || 'the whole policy'}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {pending && !parseError && found > 0 && (
          <Text as="p" size={200} className={styles.note}>
            {pending}
          </Text>
        )}
        {emergency.unnamed && (
          <Text as="p" size={200} className={styles.note}>
            <UnnamedNote dormant={emergency.dormant} />
          </Text>
        )}
        {lintNote && (
          <Text as="p" size={200} className={styles.path}>
            {lintNote}
          </Text>
        )}
        {readOnly.length > 0 && (
          <Text as="p" size={200} className={styles.path}>
            Set by the service, greyed out and left out when saving: {readOnly.join(', ')}.
          </Text>
        )}
      </section>
      {policy ? (
        pickers
      ) : (
        <Text as="p" size={200} className={styles.path}>
          Fix the JSON to use the include and exclude lists.
        </Text>
      )}
      {summary && <PolicySummaryView sections={summary} />}
    </aside>
  );
}

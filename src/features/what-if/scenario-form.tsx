// The made-up sign-in: who (a user, workload or agent identity picked from the directory: who-signs-in.tsx),
// to what (an application, a user action or an authentication context), and from where and how. Every
// condition has a stated value, as Graph's evaluate is sent them all; the address and country may stay
// empty (not known).
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type Ref } from 'react';
import type { Decision, Scenario, ScenarioConditions, ScenarioTarget } from '../../domain/evaluation/scenario';
import { SCENARIO_FIELD_WORDS as WORDS } from '../../domain/evaluation/scenario-words';
import type { UserAction } from '../../domain/evaluation/sign-in';
import { DirectoryPicker } from '../../session/directory-picker';
import { ReachableCheckbox } from '../../shared/ui/reachable-checkbox';
import { ChosenOrSearch } from './chosen-or-search';
import { checkCountry, checkIpAddress, countryName, NO_CHECK } from './scenario-checks';
import { Choice } from './scenario-choice';
import { WhoSignsIn, type WhoKind } from './who-signs-in';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Columns wide enough for the longest choice ('Mobile apps and desktop clients'), wrapping to fewer
  // on a narrow window; a field never grows past its column into the next one.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  // Level with the controls beside it, not with their labels.
  checkbox: { alignSelf: 'end' },
});

/** A scenario being written: who and what may not be chosen yet. */
export type ScenarioDraft = Omit<Scenario, 'identity' | 'target'> & {
  identity: Scenario['identity'] | null;
  target: ScenarioTarget | null;
};

const PLATFORMS: [ScenarioConditions['devicePlatform'], string][] = [
  ['windows', 'Windows'],
  ['macOS', 'macOS'],
  ['iOS', 'iOS'],
  ['android', 'Android'],
  ['linux', 'Linux'],
  ['windowsPhone', 'Windows Phone'],
];
const CLIENT_APPS: [ScenarioConditions['clientAppType'], string][] = [
  ['browser', 'Browser'],
  ['mobileAppsAndDesktopClients', 'Mobile apps and desktop clients'],
  ['exchangeActiveSync', 'Exchange ActiveSync'],
  ['other', 'Other clients (legacy authentication)'],
];
const RISKS = (['none', 'low', 'medium', 'high'] as const).map((r) => [r, r] as const);
const USER_ACTIONS: [UserAction, string][] = [
  ['urn:user:registersecurityinfo', 'Register security information'],
  ['urn:user:registerdevice', 'Register or join devices'],
  ['urn:user:accountrecovery', 'Account recovery'],
];

// The pickers' accessible names start with their fields' visible labels (WCAG 2.5.3, label in name:
// a voice user says what they see), then say what the box searches.
const APPLICATION_LABEL = 'Application';

export function ScenarioForm({
  value,
  onChange,
  ipAddressInput,
  whoKind,
  onWhoKindChange,
}: {
  value: ScenarioDraft;
  onChange(next: ScenarioDraft): void;
  /** The IP address box, for the page to put the focus on one to correct. */
  ipAddressInput?: Ref<HTMLInputElement>;
  /** Who is chosen before anyone is picked, when the page keeps it (to bring it back after a switch of tenant). */
  whoKind?: WhoKind;
  onWhoKindChange?(kind: WhoKind): void;
}) {
  const styles = useStyles();
  const c = value.conditions;
  const set = (patch: Partial<ScenarioConditions>) => onChange({ ...value, conditions: { ...c, ...patch } });
  const targetKind = value.target?.kind ?? 'application';
  // Said once the field is left (or when it holds a value it was opened with), not while the first
  // address is half typed; from then on it follows each keystroke.
  const [typing, setTyping] = useState<'ip' | 'country' | null>(null);
  const ip = typing === 'ip' ? NO_CHECK : checkIpAddress(c.ipAddress);
  const country = typing === 'country' ? NO_CHECK : checkCountry(c.country);
  return (
    <div className={styles.form}>
      <Field label="Scenario name">
        <Input value={value.name} onChange={(_, data) => onChange({ ...value, name: data.value })} />
      </Field>
      <div className={styles.grid}>
        <WhoSignsIn
          identity={value.identity}
          onChange={(identity) => onChange({ ...value, identity })}
          whoKind={whoKind}
          onWhoKindChange={onWhoKindChange}
        />
        <Choice
          label={WORDS.target}
          value={targetKind}
          options={[
            ['application', 'An application'],
            ['userAction', 'A user action'],
            ['authenticationContext', 'An authentication context'],
          ]}
          onChange={(kind) =>
            onChange({
              ...value,
              target:
                kind === 'userAction'
                  ? { kind, action: 'urn:user:registersecurityinfo' }
                  : kind === 'authenticationContext'
                    ? { kind, id: 'c1' }
                    : null,
            })
          }
        />
        {targetKind === 'application' ? (
          <Field label={APPLICATION_LABEL} required>
            <ChosenOrSearch
              chosen={value.target?.kind === 'application' ? value.target.name : null}
              noun="application"
              onRemove={() => onChange({ ...value, target: null })}
              search={
                <DirectoryPicker
                  kind="servicePrincipals"
                  label={`${APPLICATION_LABEL}: search applications`}
                  placeholder="Search applications by name or appId…"
                  onPick={(entry) => onChange({ ...value, target: { kind: 'application', appId: entry.id, name: entry.displayName } })}
                />
              }
            />
          </Field>
        ) : value.target?.kind === 'userAction' ? (
          <Choice
            label="User action"
            value={value.target.action}
            options={USER_ACTIONS}
            onChange={(action) => onChange({ ...value, target: { kind: 'userAction', action } })}
          />
        ) : value.target?.kind === 'authenticationContext' ? (
          <Field label="Authentication context (c1…c99)">
            <Input
              value={value.target.id}
              onChange={(_, data) => onChange({ ...value, target: { kind: 'authenticationContext', id: data.value.trim() } })}
            />
          </Field>
        ) : null}
      </div>
      <div className={styles.grid}>
        <Choice
          label={WORDS.devicePlatform}
          value={c.devicePlatform}
          options={PLATFORMS}
          onChange={(devicePlatform) => set({ devicePlatform })}
        />
        <Choice
          label={WORDS.clientAppType}
          value={c.clientAppType}
          options={CLIENT_APPS}
          onChange={(clientAppType) => set({ clientAppType })}
        />
        <Field label={WORDS.ipAddress} hint="Empty: not known" validationState={ip.state} validationMessage={ip.message}>
          <Input
            ref={ipAddressInput}
            value={c.ipAddress}
            placeholder="203.0.113.7"
            onChange={(_, data) => set({ ipAddress: data.value })}
            onFocus={() => checkIpAddress(c.ipAddress).state === 'none' && setTyping('ip')}
            onBlur={() => setTyping(null)}
          />
        </Field>
        <Field
          label={`${WORDS.country} (two letters)`}
          hint={c.country.trim() ? (countryName(c.country) ?? undefined) : 'Empty: not known'}
          validationState={country.state}
          validationMessage={country.message}
        >
          {/* Upper-cased as typed: the code as country locations write it. */}
          <Input
            value={c.country}
            placeholder="NL"
            maxLength={2}
            onChange={(_, data) => set({ country: data.value.toUpperCase() })}
            onFocus={() => checkCountry(c.country).state === 'none' && setTyping('country')}
            onBlur={() => setTyping(null)}
          />
        </Field>
        <Choice
          label={WORDS.signInRiskLevel}
          value={c.signInRiskLevel}
          options={RISKS}
          onChange={(signInRiskLevel) => set({ signInRiskLevel })}
        />
        <Choice label={WORDS.userRiskLevel} value={c.userRiskLevel} options={RISKS} onChange={(userRiskLevel) => set({ userRiskLevel })} />
        <Choice
          label={WORDS.insiderRiskLevel}
          value={c.insiderRiskLevel}
          options={(['none', 'minor', 'moderate', 'elevated'] as const).map((r) => [r, r] as const)}
          onChange={(insiderRiskLevel) => set({ insiderRiskLevel })}
        />
        {/* An agent user's agent risk, a workload identity's own risk, or an agent identity's (only beta's evaluate takes an agent's). */}
        {value.identity?.kind === 'user' && value.identity.agentUser && (
          <Choice
            label={WORDS.agentIdRiskLevel}
            value={c.agentIdRiskLevel}
            options={RISKS}
            onChange={(agentIdRiskLevel) => set({ agentIdRiskLevel })}
          />
        )}
        {value.identity?.kind === 'servicePrincipal' &&
          (value.identity.agentIdentity ? (
            <Choice
              label={WORDS.agentIdRiskLevel}
              value={c.agentIdRiskLevel}
              options={RISKS}
              onChange={(agentIdRiskLevel) => set({ agentIdRiskLevel })}
            />
          ) : (
            <Choice
              label={WORDS.servicePrincipalRiskLevel}
              value={c.servicePrincipalRiskLevel}
              options={RISKS}
              onChange={(servicePrincipalRiskLevel) => set({ servicePrincipalRiskLevel })}
            />
          ))}
        <Choice
          label={WORDS.authenticationFlow}
          value={c.authenticationFlow}
          options={[
            ['none', 'None'],
            ['deviceCodeFlow', 'Device code flow'],
            ['authenticationTransfer', 'Authentication transfer'],
          ]}
          onChange={(authenticationFlow) => set({ authenticationFlow })}
        />
        <Choice
          label={WORDS.deviceTrustType}
          value={c.deviceTrustType}
          options={[
            ['none', 'Not registered'],
            ['AzureAD', 'Microsoft Entra joined'],
            ['ServerAD', 'Microsoft Entra hybrid joined'],
            ['Workplace', 'Microsoft Entra registered'],
          ]}
          onChange={(deviceTrustType) => set({ deviceTrustType, ...(deviceTrustType === 'none' && { deviceCompliant: false }) })}
        />
        {/* Graph only marks a registered device compliant: why the box cannot be ticked is said beside it, and heard on it. */}
        <Field
          className={styles.checkbox}
          hint={
            c.deviceTrustType === 'none'
              ? `Choose how the device is joined first: one that is not registered cannot be compliant.`
              : undefined
          }
        >
          <ReachableCheckbox
            label={WORDS.deviceCompliant}
            checked={c.deviceCompliant}
            unusable={c.deviceTrustType === 'none'}
            onChange={(_, data) => set({ deviceCompliant: data.checked === true })}
          />
        </Field>
        <Choice<Decision | ''>
          label="Expected outcome (for a suite)"
          value={value.expected ?? ''}
          options={[
            ['', 'None stated'],
            ['block', 'Blocked'],
            ['controls', 'Asked for a control'],
            ['allow', 'Allowed without a control'],
          ]}
          onChange={(expected) => onChange({ ...value, expected: expected || undefined })}
        />
      </div>
    </div>
  );
}

/** What is still to be chosen before the scenario can be evaluated or saved, as a sentence; null when nothing is. */
export function missingChoices(draft: ScenarioDraft): string | null {
  if (!draft.identity && !draft.target) return 'Choose who signs in and what they sign in to first.';
  if (!draft.identity) return 'Choose who signs in first.';
  if (!draft.target) return 'Choose the application first.';
  return null;
}

/** The draft as a complete scenario, or null while who or what is missing. */
export const completeScenario = (draft: ScenarioDraft): Scenario | null =>
  draft.identity && draft.target ? { ...draft, identity: draft.identity, target: draft.target } : null;

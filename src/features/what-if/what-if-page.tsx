// What if: one made-up sign-in, three answers side by side (Graph's evaluate on the saved policies,
// Gatehouse's engine on the saved policies, and the engine with one of this device's drafts), each
// policy's reason in words, disagreements first. Scenarios are saved, run as a suite, exported.
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { PlayRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { canonicalJson } from '../../domain/bundle/canonical-json';
import { DEFAULT_CONDITIONS, type Scenario } from '../../domain/evaluation/scenario';
import { isJsonObject } from '../../domain/json';
import { draftStore } from '../../policy-ui/draft-store';
import { useTenantSession } from '../../session/tenant-session';
import { SpokenStatus } from '../../shared/ui/live-status';
import { isolatedText } from '../../shared/ui/isolated-text';
import { useAgentUserMark } from './agent-user-mark';
import { EngineAgreement } from './engine-agreement';
import { keepForm, readKeptForm } from './kept-form';
import { conditionsToCorrect } from './scenario-checks';
import { ScenarioForm, completeScenario, missingChoices, type ScenarioDraft } from './scenario-form';
import { ScenarioSuitePanel } from './scenario-suite-panel';
import { useScenarios } from './scenario-store';
import { resultsAnnouncement } from './results-announcement';
import { useSaidAnew } from './use-said-anew';
import { useWhatIf, type DraftChoice } from './use-what-if';
import { WhatIfResults } from './what-if-results';
import { whoKindOf, type WhoKind } from './who-signs-in';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const BLANK: Omit<ScenarioDraft, 'id'> = { name: 'New scenario', identity: null, target: null, conditions: DEFAULT_CONDITIONS };
const blank = (): ScenarioDraft => ({ id: crypto.randomUUID(), ...BLANK });
const BLANK_JSON = canonicalJson({ ...BLANK, id: '' });

/** Drafts of this device that are valid JSON policies, newest first; the others are named as unreadable. */
function useDraftChoices(accountKey: string): { choices: DraftChoice[]; unreadable: number } {
  return useMemo(() => {
    const choices: DraftChoice[] = [];
    let unreadable = 0;
    for (const { policyId, draft } of draftStore.list(accountKey)) {
      try {
        const policy: unknown = JSON.parse(draft.text);
        if (!isJsonObject(policy)) throw new Error('not an object');
        const name = typeof policy.displayName === 'string' ? policy.displayName : policyId;
        choices.push({ policyId: policyId === 'new' ? null : policyId, policy, label: `the draft of “${isolatedText(name)}”` });
      } catch {
        unreadable += 1;
      }
    }
    return { choices, unreadable };
  }, [accountKey]);
}

/**
 * The sign-in a scenario describes (its name and expectation change no answer, nor the agent user's mark: the
 * directory's word, which the evaluation reads for itself).
 */
const signInOf = (s: Pick<ScenarioDraft, 'identity' | 'target' | 'conditions'>) =>
  canonicalJson({ identity: s.identity && withoutMark(s.identity), target: s.target, conditions: s.conditions });
const withoutMark = (identity: NonNullable<ScenarioDraft['identity']>) => {
  if (identity.kind !== 'user') return identity;
  const { agentUser: _mark, ...person } = identity;
  return person;
};

/** Whether the form is as New scenario leaves it (its id aside): nothing typed or picked to keep. */
const isBlank = (form: ScenarioDraft, whoKind: WhoKind) => whoKind === 'user' && canonicalJson({ ...form, id: '' }) === BLANK_JSON;

export function WhatIfPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [params] = useSearchParams();
  const tenantId = tenant.account.tenantId;
  const [scenarios, setScenarios] = useScenarios(tenantId);
  // Typed and picked with this account earlier in this tab (a switch of account mounts the page afresh): brought
  // back, to this account only. Kept while it says anything New scenario's blank form does not; New scenario forgets it.
  const accountKey = tenant.account.key;
  const [form, setForm] = useState<ScenarioDraft>(() => readKeptForm(accountKey)?.scenario ?? blank());
  const [whoKind, setWhoKind] = useState<WhoKind>(() => readKeptForm(accountKey)?.whoKind ?? 'user');
  const [formKey, setFormKey] = useState(0);
  const blankForm = isBlank(form, whoKind);
  useEffect(() => keepForm(accountKey, blankForm ? null : { scenario: form, whoKind }), [accountKey, blankForm, form, whoKind]);
  // The scenario evaluated, and how many runs there have been: each run is said, even one with the same outcome.
  const [run, setRun] = useState<{ scenario: Scenario; count: number } | null>(null);
  const start = (scenario: Scenario) => setRun((last) => ({ scenario, count: (last?.count ?? 0) + 1 }));
  const [saved, setSaved] = useState<string | null>(null);
  // Each save is said, a second one of the same scenario too.
  const [saves, setSaves] = useState(0);
  const savedSaid = useSaidAnew(saves);
  const drafts = useDraftChoices(tenant.account.key);
  // Opened from the editor with its draft (?draft=<policy id>): that draft is chosen.
  const [draftKey, setDraftKey] = useState<string>(() => params.get('draft') ?? '');
  const draft = drafts.choices.find((d) => (d.policyId ?? 'new') === draftKey) ?? null;
  const answers = useWhatIf(tenant, run?.scenario ?? null, draft);
  // A user kept or saved without the agent user's mark gets it when the directory says so: asked its agent risk.
  useAgentUserMark(tenant, form.identity, setForm);
  const runSaid = useSaidAnew(run?.count ?? 0);
  const evaluateButton = useRef<HTMLButtonElement>(null);
  // A scenario opened with an address that is not one is not run: the focus goes to the address, which
  // says what is wrong with it (it stayed on Open, far below, and nothing was said).
  const ipAddressInput = useRef<HTMLInputElement>(null);
  const correctAddress = useRef(false);
  useEffect(() => {
    if (!correctAddress.current) return;
    correctAddress.current = false;
    ipAddressInput.current?.focus();
  }, [form]);
  // A failure (Graph's refusal, the user's groups that could not be read) is kept with its scenario, not
  // retried by itself: a run again (Evaluate, or the scenario opened again) asks again, where it showed
  // the same failure.
  useEffect(() => {
    answers.askAgainWhatFailed();
    // At each run only, not when a failure arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  // An address that is not one cannot be evaluated (nor kept to be run later): held back like a missing choice.
  const complete = conditionsToCorrect(form.conditions) ? null : completeScenario(form);
  // Evaluate and Save stay in the Tab order while they cannot act, and say why (not only the form's red stars).
  const missing = missingChoices(form) ?? conditionsToCorrect(form.conditions);
  // Kept only with a name: its row, its Open and Remove buttons are named by it (a blank one left them
  // "Open" and "Remove", alike for every such scenario), and the store would rename it on the next read.
  const unnamed = form.name.trim() ? null : 'Name the scenario first.';
  // The answers shown are for the sign-in as it was at Evaluate: once the form says another, they are marked
  // as such (the focus stays in the form, where the change is being made).
  const outdated = !!run && signInOf(form) !== signInOf(run.scenario);

  const save = () => {
    if (!complete || unnamed) return;
    const existed = scenarios.some((s) => s.id === complete.id);
    const next = existed ? scenarios.map((s) => (s.id === complete.id ? complete : s)) : [...scenarios, complete];
    const afterReload = existed ? 'the version it last kept comes back' : 'it will be gone';
    setSaved(
      setScenarios(next)
        ? `Saved “${complete.name}” on this device.`
        : `Saved “${complete.name}” for now: the browser would not keep it (its storage is full or blocked), so after a reload ${afterReload}.`,
    );
    setSaves((n) => n + 1);
  };

  return (
    <section className={styles.page} aria-labelledby="what-if-title">
      <h1 id="what-if-title" className={styles.title}>
        What if
      </h1>
      <Text>
        Describe a sign-in and see which policies apply and what they ask: as Graph evaluates the saved policies, as Gatehouse evaluates
        them, and as Gatehouse evaluates them with one of your drafts. Graph cannot evaluate a draft; where Graph and Gatehouse disagree on
        a saved policy, trust Graph, and treat the draft’s column with the same doubt.
      </Text>
      <Field
        label="Draft to evaluate beside the saved policies"
        hint={drafts.unreadable ? `${drafts.unreadable} draft(s) are not valid JSON and are not offered.` : undefined}
      >
        <Select value={draftKey} onChange={(_, data) => setDraftKey(data.value)}>
          <option value="">No draft: the saved policies only</option>
          {drafts.choices.map((d) => (
            <option key={d.policyId ?? 'new'} value={d.policyId ?? 'new'}>
              {d.label.replace(/^the d/, 'D')}
            </option>
          ))}
        </Select>
      </Field>
      {/* Keyed afresh by New scenario: its pickers forget what was typed in them, not only what was picked. */}
      <ScenarioForm
        key={formKey}
        value={form}
        onChange={setForm}
        ipAddressInput={ipAddressInput}
        whoKind={whoKind}
        onWhoKindChange={setWhoKind}
      />
      <div className={styles.actions}>
        <Button
          ref={evaluateButton}
          appearance="primary"
          icon={<PlayRegular />}
          disabledFocusable={!complete}
          aria-describedby={missing ? 'what-if-missing' : undefined}
          onClick={() => complete && start(complete)}
        >
          Evaluate
        </Button>
        <Button
          icon={<SaveRegular />}
          disabledFocusable={!complete || !!unnamed}
          aria-describedby={[missing && 'what-if-missing', unnamed && 'what-if-unnamed'].filter(Boolean).join(' ') || undefined}
          onClick={save}
        >
          Save scenario
        </Button>
        <Button
          onClick={() => {
            setForm(blank());
            setFormKey((key) => key + 1);
            setWhoKind('user');
            setRun(null);
            setSaved(null);
          }}
        >
          New scenario
        </Button>
        {missing ? (
          <Text id="what-if-missing" size={200}>
            {missing}
          </Text>
        ) : null}
        {unnamed ? (
          <Text id="what-if-unnamed" size={200}>
            {unnamed}
          </Text>
        ) : null}
        {/* Always there, so a screen reader hears it when its words arrive. */}
        <Text role="status">{savedSaid ? (saved ?? '') : ''}</Text>
      </div>
      {/* Always there, so a screen reader hears it change when the answers arrive. */}
      <SpokenStatus>{run && runSaid ? resultsAnnouncement(answers) : null}</SpokenStatus>
      {outdated ? (
        <MessageBar intent="warning" politeness="polite" layout="multiline">
          <MessageBarBody>
            These answers are for the sign-in as it was when you pressed Evaluate, not as the form now describes it: press Evaluate again
            for answers to the sign-in as it is now.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {run ? (
        <WhatIfResults
          answers={answers}
          draftLabel={draft?.label ?? null}
          run={run.count}
          onAskAgain={() => {
            // Try again goes with the error it is part of, as it is asked again: the focus moves to Evaluate (it
            // fell to the page's start, then to its title, far above), and the run is said again.
            evaluateButton.current?.focus();
            start(run.scenario);
          }}
        />
      ) : null}
      <ScenarioSuitePanel
        tenant={tenant}
        scenarios={scenarios}
        onChange={setScenarios}
        draft={draft}
        onOpen={(scenario) => {
          setForm(scenario);
          setWhoKind(whoKindOf(scenario.identity));
          // One written by hand with a wrong address opens to be corrected, not evaluated.
          if (conditionsToCorrect(scenario.conditions)) {
            setRun(null);
            correctAddress.current = true;
          } else start(scenario);
          setSaved(null);
        }}
      />
      <EngineAgreement tenant={tenant} />
    </section>
  );
}

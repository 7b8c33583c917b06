// The scenario being written on the What if page, kept for this tab per signed-in account: a switch of account
// mounts the page afresh, and coming back to the account brings back what was typed and picked. Never shown to
// another account, of another tenant (the user and app picked are this tenant's) or another admin of the same
// one, and never the answers: only the form. (Account keys are never a bare tenant id, so a form an older
// version kept per tenant is not read.)
import { DEFAULT_CONDITIONS } from '../../domain/evaluation/scenario';
import { isJsonObject } from '../../domain/json';
import { tabDrafts } from '../../shared/tab-drafts';
import type { ScenarioDraft } from './scenario-form';
import type { WhoKind } from './who-signs-in';

export interface KeptForm {
  scenario: ScenarioDraft;
  /** Who is chosen to sign in while nobody is picked yet. */
  whoKind: WhoKind;
}

const WHO_KINDS: readonly unknown[] = ['user', 'servicePrincipal'];
const WHO_CHOICES: readonly WhoKind[] = ['user', 'servicePrincipal', 'agentIdentity'];
const USER_ACTIONS: readonly unknown[] = ['urn:user:registersecurityinfo', 'urn:user:registerdevice', 'urn:user:accountrecovery'];
const DECISIONS: readonly unknown[] = [undefined, 'block', 'controls', 'allow'];
const isText = (v: unknown): v is string => typeof v === 'string';

// Written by this page in this tab, but a reload may bring a newer version: what does not read as a draft is
// not brought back (a blank form, as before), rather than trusted.
function isScenarioDraft(v: unknown): v is ScenarioDraft {
  if (!isJsonObject(v) || !isText(v.id) || !isText(v.name) || !DECISIONS.includes(v.expected)) return false;
  const { identity: who, target: what, conditions } = v;
  const identity =
    who === null ||
    (isJsonObject(who) &&
      WHO_KINDS.includes(who.kind) &&
      isText(who.id) &&
      isText(who.name) &&
      // An agent identity is a service principal marked as one; an agent user, a user marked as one.
      (who.agentIdentity === undefined || (who.kind === 'servicePrincipal' && who.agentIdentity === true)) &&
      (who.agentUser === undefined || (who.kind === 'user' && who.agentUser === true)));
  const target =
    what === null ||
    (isJsonObject(what) &&
      ((what.kind === 'application' && isText(what.appId) && isText(what.name)) ||
        (what.kind === 'userAction' && USER_ACTIONS.includes(what.action)) ||
        (what.kind === 'authenticationContext' && isText(what.id))));
  const stated =
    isJsonObject(conditions) && Object.entries(DEFAULT_CONDITIONS).every(([key, value]) => typeof conditions[key] === typeof value);
  return identity && target && stated;
}

// Conditions the form asks since a form may have been kept: such a form reads with their defaults.
const ADDED_LATER: Partial<ScenarioDraft['conditions']> = { agentIdRiskLevel: DEFAULT_CONDITIONS.agentIdRiskLevel };
const withLaterConditions = (scenario: unknown): unknown =>
  isJsonObject(scenario) && isJsonObject(scenario.conditions)
    ? { ...scenario, conditions: { ...ADDED_LATER, ...scenario.conditions } }
    : scenario;

const kept = tabDrafts<KeptForm>('gatehouse.what-if-form', (raw) => {
  const scenario = isJsonObject(raw) ? withLaterConditions(raw.scenario) : null;
  return isJsonObject(raw) && isScenarioDraft(scenario)
    ? { scenario, whoKind: WHO_CHOICES.find((kind) => kind === raw.whoKind) ?? 'user' }
    : null;
});

/** What was typed and picked in this tab with this account, or null when nothing is kept. */
export const readKeptForm = (accountKey: string): KeptForm | null => kept.read(accountKey);

/** Keeps the form for this account; null forgets it. */
export const keepForm = (accountKey: string, form: KeptForm | null): void => kept.keep(accountKey, form);

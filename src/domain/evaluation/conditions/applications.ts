// Target resources: applications (All, None, Office365, MicrosoftAdminPortals, appIds, an application
// filter on custom security attributes), user actions, and authentication contexts. A policy on
// applications does not apply to a user action or a context, nor the reverse: each sign-in is for one
// kind of target (an application may also ask for contexts, which context policies then match).
import { objectIn as obj, stringsIn as list, type LooseObject } from '../../json';
import { APP_GROUP_WORDS, inAppGroup, type AppGroup } from '../app-groups';
import { attributeFilterMatch } from '../attribute-filter';
import { anyOf, configured, distinct, match, no, noMatch, notKnown, unknown, unreadKeys, yes, type Outcome, type Tri } from '../outcome';
import { nameOf, type Target } from '../sign-in';
import type { PreparedSignIn } from './prepared';
import { APPLICATIONS_PROPERTIES as READ } from '../../policy-schema-properties';

const ACTION_WORDS: Record<string, string> = {
  'urn:user:registersecurityinfo': 'Register security information',
  'urn:user:registerdevice': 'Register or join devices',
  'urn:user:accountrecovery': 'Account recovery',
};

function targetsInWords(a: LooseObject, p: PreparedSignIn): string {
  const actions = list(a.includeUserActions);
  const contexts = list(a.includeAuthenticationContextClassReferences);
  if (actions.length) return `the user action ${actions.map((x) => ACTION_WORDS[x.toLowerCase()] ?? x).join(', ')}`;
  if (contexts.length) return `the authentication context ${contexts.map((c) => p.name(c)).join(', ')}`;
  return 'applications';
}

function group(name: AppGroup, app: Extract<Target, { kind: 'application' }>, appName: string, p: PreparedSignIn): Tri {
  const answer = inAppGroup(name, app, appName, p.context.appGroups?.[name]);
  return answer.value === true ? yes(`as part of ${APP_GROUP_WORDS[name]}`) : answer;
}

type FilterTri = Tri | { error: string };

function applicationOutcome(a: LooseObject, app: Extract<Target, { kind: 'application' }>, p: PreparedSignIn): Outcome {
  const appName = nameOf(p.context.names, app.appId) ?? app.displayName ?? app.appId;
  const contexts = list(a.includeAuthenticationContextClassReferences);
  const asked = app.authenticationContextIds?.find((c) => contexts.includes(c));
  if (asked) return match(`${appName} asks for the authentication context ${p.name(asked)}, which the policy targets.`);
  const include = list(a.includeApplications);
  const exclude = list(a.excludeApplications);
  const filter = obj(a.applicationFilter);
  const hasFilter = configured(filter);
  if (hasFilter && filter.mode !== 'include' && filter.mode !== 'exclude')
    return unknown(`The application filter's mode is ${JSON.stringify(filter.mode)}.`, ['conditions.applications.applicationFilter']);
  const filtered: FilterTri | undefined = hasFilter
    ? attributeFilterMatch(filter.rule, app.customSecurityAttributes, appName, 'target.customSecurityAttributes')
    : undefined;
  if (filtered && 'error' in filtered)
    return unknown(`The application filter cannot be read: ${filtered.error}`, ['conditions.applications.applicationFilter']);
  if (include.length === 0 && !(hasFilter && filter.mode === 'include'))
    return noMatch(`The policy targets ${targetsInWords(a, p)}, not applications such as ${appName}.`);
  const excluded = anyOf(
    [
      exclude.some((x) => x.toLowerCase() === app.appId.toLowerCase()) ? yes('by name') : no(''),
      exclude.includes('Office365') ? group('Office365', app, appName, p) : no(''),
      exclude.includes('MicrosoftAdminPortals') ? group('MicrosoftAdminPortals', app, appName, p) : no(''),
      filtered && filter.mode === 'exclude' ? (filtered.value === true ? yes('by the application filter') : filtered) : no(''),
    ],
    '',
  );
  if (excluded.value === true) return noMatch(`${appName} is excluded ${excluded.why}.`);
  if (filtered && filter.mode === 'include' && include.some((x) => x === 'All' || x === 'AllAgentIdResources'))
    // Whether an include filter narrows "all resources" or adds to a list is not documented.
    return unknown('The policy combines all resources with an include filter, whose meaning is not documented.', [
      'conditions.applications.applicationFilter',
    ]);
  const agent: Tri = !include.includes('AllAgentIdResources')
    ? no('')
    : app.agentResource === undefined
      ? notKnown(`whether ${appName} is an agent resource is not known`, ['target.agentResource'])
      : app.agentResource
        ? yes('as an agent resource')
        : no('');
  const included = anyOf(
    [
      include.includes('All') ? yes('as one of all resources') : no(''),
      include.some((x) => x.toLowerCase() === app.appId.toLowerCase()) ? yes('by name') : no(''),
      include.includes('Office365') ? group('Office365', app, appName, p) : no(''),
      include.includes('MicrosoftAdminPortals') ? group('MicrosoftAdminPortals', app, appName, p) : no(''),
      agent,
      filtered && filter.mode === 'include' ? (filtered.value === true ? yes('by the application filter') : filtered) : no(''),
    ],
    `${appName} is not among the resources the policy includes`,
  );
  if (included.value === false) return noMatch(`${included.why}.`);
  const open = [included, excluded].filter((t): t is Extract<Tri, { value: undefined }> => t.value === undefined);
  if (open.length > 0)
    return unknown(
      `${distinct(open.map((t) => t.why)).join('; ')}.`,
      open.flatMap((t) => t.missing),
    );
  return match(`${appName} is included ${included.why}.`);
}

export function applicationsOutcome(applications: unknown, p: PreparedSignIn): Outcome {
  const a = obj(applications);
  const target = p.signIn.target;
  if (!target)
    return unknown('What the sign-in is for (an application, a user action or an authentication context) is not known.', ['target']);
  let outcome: Outcome;
  if (target.kind === 'userAction') {
    const words = ACTION_WORDS[target.action] ?? target.action;
    outcome = list(a.includeUserActions).some((x) => x.toLowerCase() === target.action)
      ? match(`The policy targets the user action ${words}.`)
      : noMatch(`The policy targets ${targetsInWords(a, p)}, not the user action ${words}.`);
  } else if (target.kind === 'authenticationContext') {
    const name = p.name(target.id);
    outcome = list(a.includeAuthenticationContextClassReferences).includes(target.id)
      ? match(`The policy targets the authentication context ${name}.`)
      : noMatch(`The policy targets ${targetsInWords(a, p)}, not the authentication context ${name}.`);
  } else outcome = applicationOutcome(a, target, p);
  if (outcome.kind === 'noMatch') return outcome;
  const unread = unreadKeys(a, READ, 'conditions.applications');
  return unread.length > 0 ? unknown(`The policy sets ${unread.join(', ')}, which this engine does not evaluate.`, unread) : outcome;
}

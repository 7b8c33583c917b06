// Who signs in, in the scenario form: a user, a workload identity or an agent identity, each searched
// among its own kind, and the one picked. An agent identity is a service principal, searched apart (the
// workload identity search leaves agents out) and marked as one, so that Graph's beta evaluate is sent it
// as an agentSignIn with its risk and a saved scenario reopens as the agent identity it was. A user the
// directory says is an agent user is marked too: its agent risk is asked.
import { Field } from '@fluentui/react-components';
import { useState } from 'react';
import type { ScenarioIdentity } from '../../domain/evaluation/scenario';
import { SCENARIO_FIELD_WORDS as WORDS } from '../../domain/evaluation/scenario-words';
import { DirectoryPicker } from '../../session/directory-picker';
import { ChosenOrSearch } from './chosen-or-search';
import { Choice } from './scenario-choice';

/** Who signs in, as the form asks it. */
export type WhoKind = ScenarioIdentity['kind'] | 'agentIdentity';

const WHO: Record<WhoKind, { label: string; noun: string; searches: string }> = {
  user: { label: 'User signing in', noun: 'user', searches: 'users' },
  servicePrincipal: { label: 'Workload identity signing in', noun: 'workload identity', searches: 'workload identities' },
  agentIdentity: { label: 'Agent identity signing in', noun: 'agent identity', searches: 'agent identities' },
};

/** The choice a picked identity stands for. */
export const whoKindOf = (identity: ScenarioIdentity): WhoKind =>
  identity.kind === 'servicePrincipal' && identity.agentIdentity ? 'agentIdentity' : identity.kind;

export function WhoSignsIn({
  identity,
  onChange,
  whoKind: keptKind,
  onWhoKindChange,
}: {
  identity: ScenarioIdentity | null;
  onChange(identity: ScenarioIdentity | null): void;
  /** Who is chosen before anyone is picked, when the page keeps it (to bring it back after a switch of tenant). */
  whoKind?: WhoKind;
  onWhoKindChange?(kind: WhoKind): void;
}) {
  // Who is chosen before anyone is picked; an opened scenario says it itself.
  const [ownKind, setOwnKind] = useState<WhoKind>('user');
  const asked = keptKind ?? ownKind;
  // A service principal kept unmarked by an earlier version, picked while an agent identity was asked for, is one.
  const whoKind: WhoKind =
    identity === null ? asked : identity.kind === 'servicePrincipal' && asked === 'agentIdentity' ? asked : whoKindOf(identity);
  const who = WHO[whoKind];
  return (
    <>
      <Choice
        label={WORDS.identity}
        value={whoKind}
        options={[
          ['user', 'A user'],
          ['servicePrincipal', 'A workload identity'],
          ['agentIdentity', 'An agent identity'],
        ]}
        onChange={(kind) => {
          setOwnKind(kind);
          onWhoKindChange?.(kind);
          onChange(null);
        }}
      />
      <Field label={who.label} required>
        <ChosenOrSearch
          chosen={identity?.name ?? null}
          noun={who.noun}
          onRemove={() => onChange(null)}
          search={
            // Keyed by kind: what was typed to find a workload identity is no search for a user.
            <DirectoryPicker
              key={whoKind}
              kind={whoKind === 'user' ? 'users' : whoKind === 'agentIdentity' ? 'agentIdentities' : 'workloadIdentities'}
              label={`${who.label}: search ${who.searches}`}
              placeholder={`Search ${who.searches}…`}
              onPick={(entry) =>
                onChange(
                  whoKind === 'user'
                    ? {
                        kind: 'user',
                        id: entry.id,
                        name: entry.displayName,
                        ...(entry.agent === 'agentUser' && { agentUser: true as const }),
                      }
                    : {
                        kind: 'servicePrincipal',
                        id: entry.id,
                        name: entry.displayName,
                        ...(whoKind === 'agentIdentity' && { agentIdentity: true as const }),
                      },
                )
              }
            />
          }
        />
      </Field>
    </>
  );
}

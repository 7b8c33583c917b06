// Candidates for the emergency accounts when Settings names none: what most policies for everyone
// exclude, with the count that makes it a candidate. Nothing is taken until the admin chooses it.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { Candidate } from '../../domain/emergency/fix';
import type { EmergencyAccess } from '../../domain/lockout';
import type { Ref } from 'react';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  item: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export interface CandidatesProps {
  candidates: (Candidate & { name: string })[];
  settings: EmergencyAccess;
  /** `name`: the candidate chosen, as the page says it. */
  onUse(next: EmergencyAccess, name: string): void;
  /** Where the page puts focus when the list comes back (a choice undone). */
  bodyRef?: Ref<HTMLDivElement>;
}

export function Candidates({ candidates, settings, onUse, bodyRef }: CandidatesProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody ref={bodyRef} tabIndex={-1}>
        <MessageBarTitle>No emergency accounts named for this tenant</MessageBarTitle>
        <Text>
          Name them in Settings: Gatehouse never guesses which accounts are the emergency ones.
          {candidates.length > 0 ? ' These are excluded most often, and may be them:' : ''}
        </Text>
        {candidates.length > 0 ? (
          <ul className={styles.list} aria-label="Candidates">
            {candidates.map((c) => (
              <li key={c.id} className={styles.item}>
                <Text weight="semibold">
                  {c.kind === 'group' ? 'Group' : 'Account'} <Isolated>{c.name}</Isolated>
                </Text>
                <Text>{c.why}</Text>
                <Button
                  size="small"
                  onClick={() =>
                    onUse(
                      c.kind === 'group'
                        ? { ...settings, groups: [...settings.groups, { id: c.id, name: c.name }] }
                        : { ...settings, users: [...settings.users, { id: c.id, name: c.name }] },
                      `${c.kind === 'group' ? 'The group' : 'The account'} ${isolatedText(c.name)}`,
                    )
                  }
                >
                  Use {isolatedText(c.name)} as emergency access
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

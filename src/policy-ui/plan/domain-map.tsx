// The plan review's domain map: users of the import found in this tenant by their sign-in names with another
// domain ("contoso.com" → "fabrikam.com"). "Find users again" reads the directory before the choice is made,
// the review (and the focus, on the button) kept meanwhile; the status beside it says the read, then what it found.
import { Button, Field, Input, makeStyles, Spinner, tokens, useId } from '@fluentui/react-components';
import { LiveStatus, UnseenText } from '../../shared/ui/live-status';

const useStyles = makeStyles({
  // Wraps at a narrow width (320 px) rather than running off sideways; the status takes a line of its own then.
  domains: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap', minWidth: 0 },
});

export interface DomainMapProps {
  domain: { from: string; to: string };
  onDomain(update: (before: { from: string; to: string }) => { from: string; to: string }): void;
  /** The directory is being read (by Find users again, or a saved mapping's domain map): the fields and the button wait. */
  busy: boolean;
  /** Find users again is reading. */
  finding: boolean;
  /** A saved mapping's domain map is being read: Find waits for it, and says so to the keyboard that reaches it. */
  fileReading?: boolean;
  /** What the last Find found (or why it failed), a new occasion each time so the same words are said again. */
  found: { text: string; occasion: number } | null;
  onFind(): void;
}

export function DomainMap({ domain, onDomain, busy, finding, fileReading = false, found, onFind }: DomainMapProps) {
  const styles = useStyles();
  const waitId = useId('find-waits');
  const waiting = fileReading && !finding;
  return (
    <div className={styles.domains}>
      <Field label="Sign-in names ending in">
        <Input
          readOnly={busy}
          value={domain.from}
          placeholder="contoso.com"
          onChange={(_, data) => onDomain((d) => ({ ...d, from: data.value }))}
        />
      </Field>
      <Field label="are found in this tenant as">
        <Input
          readOnly={busy}
          value={domain.to}
          placeholder="fabrikam.com"
          onChange={(_, data) => onDomain((d) => ({ ...d, to: data.value }))}
        />
      </Field>
      {/* Focusable while it reads, so the focus stays on it; the status beside it says the read, then what it found. */}
      <Button disabledFocusable={busy} aria-describedby={waiting ? waitId : undefined} onClick={onFind}>
        Find users again
      </Button>
      {waiting ? <UnseenText id={waitId}>Waiting for the users of the saved mapping to be found.</UnseenText> : null}
      <LiveStatus occasion={finding ? undefined : found?.occasion}>
        {finding ? <Spinner size="tiny" labelPosition="after" label="Finding the users…" /> : found?.text}
      </LiveStatus>
    </div>
  );
}

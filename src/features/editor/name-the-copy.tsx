// Duplicating a policy asks for the copy's name first, "Copy of …" offered and selected so typing
// replaces it; the name is checked as creating checks it (not empty, not only spaces), so the
// admin need not find displayName in the JSON to rename the copy.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { checkPolicy } from '../../domain/policy-checks';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { Isolated } from '../../shared/ui/isolated-text';
import { copyName, duplicateOf } from './new-policy-sources';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** What creating the copy under this name would say of the name, or null when it is fine. */
function nameProblem(policy: ConditionalAccessPolicy, name: string): string | null {
  const finding = checkPolicy(duplicateOf(policy, name)).find((f) => f.severity === 'error' && f.path.join('.') === 'displayName');
  return finding?.message ?? null;
}

export function NameTheCopy({
  policy,
  onContinue,
  onCancel,
}: {
  policy: ConditionalAccessPolicy;
  onContinue(name: string): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(() => copyName(policy));
  const problem = nameProblem(policy, name);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      className={styles.form}
      aria-label="Name the copy"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onContinue(name);
      }}
    >
      <Field
        label="Name of the copy"
        hint={
          <>
            A copy of{' '}
            {policy.displayName ? (
              <>
                “<Isolated>{policy.displayName}</Isolated>”
              </>
            ) : (
              'the policy'
            )}
            , in report-only. You review it in the editor before it is created.
          </>
        }
        validationMessage={problem ?? undefined}
        validationState={problem ? 'error' : 'none'}
      >
        <Input ref={input} value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          Continue to the editor
        </Button>
        <Button onClick={onCancel}>Start from something else</Button>
      </div>
    </form>
  );
}

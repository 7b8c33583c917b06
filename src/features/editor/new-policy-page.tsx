// Creating a policy: start blank, from a copy (?duplicate=<id>, named first), from a Microsoft template, or from
// a file as exports occur in the wild; then the same editor and checks as editing, and a review of
// exactly what will be created before anything is written. New policies start in report-only.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../graph/describe-error';
import type { JsonObject } from '../../domain/policy-body';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { policyQuery } from '../../policy-ui/queries';
import { UnsavedDraftInTheWay } from '../../policy-ui/open-in-editor';
import { isolatedText } from '../../shared/ui/isolated-text';
import { createAttempts } from './create-attempts';
import { PageBreadcrumb } from '../../policy-ui/page-breadcrumb';
import { duplicateOf } from './new-policy-sources';
import { NameTheCopy } from './name-the-copy';
import { draftStore } from '../../policy-ui/draft-store';
import { paths } from '../../shared/routes/paths';
import { discardNewDraft, NEW, nameInDraft } from './new-policy-draft';
import { SourceChooser } from './new-policy-source-chooser';
import { NewPolicyEditor } from './new-policy-editor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function NewPolicyPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [params] = useSearchParams();
  const duplicateId = params.get('duplicate');
  const duplicate = useQuery({ ...policyQuery(tenant, duplicateId ?? ''), enabled: !!duplicateId });
  const accountKey = tenant.account.key;
  const [start, setStart] = useState<JsonObject | null>(() => (draftStore.load(accountKey, NEW) ? {} : null));
  // A copy is named first, once the policy has loaded (the draft then keeps its own text).
  const chosen = start;
  // A copy asked for while a new policy is already being written: that draft is in the way, as it is for
  // every other screen that opens the new-policy editor, until the admin continues it or discards it.
  const [copyWaits, setCopyWaits] = useState(() => !!duplicateId && !!draftStore.load(accountKey, NEW));
  // Each step replaces the one before: the keyboard's focus goes to the new one when the admin moved on
  // (not when the page is merely opened).
  const [moved, setMoved] = useState(false);
  const choose = (body: JsonObject) => {
    setMoved(true);
    setStart(body);
  };
  // No draft: what an earlier attempt to create one knew has nothing left to be checked against.
  useEffect(() => {
    if (!draftStore.load(accountKey, NEW)) createAttempts.clear(accountKey);
  }, [accountKey]);

  const navigate = useNavigate();
  return (
    <section className={styles.page} aria-labelledby="new-title">
      <PageBreadcrumb trail={[{ label: 'New policy' }]} />
      <h1 id="new-title" className={styles.title}>
        New policy
      </h1>
      {chosen && duplicateId && copyWaits ? (
        <DraftInTheWay
          draftName={nameInDraft(draftStore.load(accountKey, NEW)?.text)}
          attemptPending={!!createAttempts.load(accountKey)}
          copyOf={duplicate.data?.displayName ?? null}
          onContinue={() => {
            setCopyWaits(false);
            setMoved(true);
            navigate(paths.newPolicy(), { replace: true });
          }}
          onDiscard={() => {
            discardNewDraft(accountKey);
            setCopyWaits(false);
            setStart(null);
          }}
        />
      ) : chosen ? (
        <NewPolicyEditor
          start={chosen}
          focusOnArrival={moved}
          onStartOver={() => {
            setMoved(true);
            setStart(null);
            navigate(paths.newPolicy(), { replace: true });
          }}
        />
      ) : duplicateId ? (
        duplicate.data ? (
          <NameTheCopy
            policy={duplicate.data}
            onContinue={(name) => {
              choose(duplicateOf(duplicate.data, name));
              // The copy is now the draft: a reload continues it, not asks for the copy again (and finds its own draft in the way).
              navigate(paths.newPolicy(), { replace: true });
            }}
            onCancel={() => navigate(paths.newPolicy(), { replace: true })}
          />
        ) : duplicate.isError ? (
          <ErrorState {...describeError(duplicate.error, 'load the policy to copy')} />
        ) : (
          <Skeleton aria-label="Loading">
            <SkeletonItem size={64} />
          </Skeleton>
        )
      ) : (
        <SourceChooser focusOnArrival={moved} onChoose={choose} />
      )}
    </section>
  );
}

/** A copy was asked for, but a new policy is already being written on this device: which one goes on? */
function DraftInTheWay({
  draftName,
  copyOf,
  attemptPending,
  onContinue,
  onDiscard,
}: {
  draftName: string | null;
  copyOf: string | null;
  /** An attempt to create the draft whose outcome is unknown: the policy may be in the tenant already. */
  attemptPending: boolean;
  onContinue(): void;
  onDiscard(): void;
}) {
  const styles = useStyles();
  const copy = copyOf ? `“${isolatedText(copyOf)}”` : 'the policy';
  const refusal = new UnsavedDraftInTheWay(
    draftName ? `The new policy being written, “${isolatedText(draftName)}”,` : 'The new policy being written',
    `making a copy of ${copy}`,
  );
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>No copy was made</MessageBarTitle>
        {refusal.message}
        {attemptPending && (
          <> An earlier attempt to create that draft may have reached the tenant: look for it among the policies before discarding it.</>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onContinue}>
            Continue the draft
          </Button>
          <Button onClick={onDiscard}>Discard the draft and copy {copy}</Button>
        </div>
      </MessageBarActions>
    </MessageBar>
  );
}

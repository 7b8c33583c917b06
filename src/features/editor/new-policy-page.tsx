// Creating a policy: start blank, from a copy (?duplicate=<id>, named first), from a Microsoft template, or from
// a file as exports occur in the wild; then the same editor and checks as editing, and a review of
// exactly what will be created before anything is written. New policies start in report-only.
import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError, errorPath } from '../../graph/describe-error';
import { comparableText, type JsonObject } from '../../domain/policy-body';
import { blocksSaving } from '../../domain/policy-checks';
import { parsePolicyFile, PolicyFileError } from '../../domain/policy-file';
import { POLICY_LIMIT } from '../../graph/policies';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { useTenantSession } from '../../session/tenant-session';
import { useWriteAccess } from '../../session/write-access';
import { useTheme } from '../../shared/theme';
import { ErrorState } from '../../shared/ui/error-state';
import { FileDropZone } from '../../shared/ui/file-drop-zone';
import { policiesQuery, policyQuery, templatesQuery, useNames } from '../../policy-ui/queries';
import { useCreatePolicy } from '../../policy-ui/writes';
import { UnsavedDraftInTheWay } from '../../policy-ui/open-in-editor';
import type { CreateAttempt } from '../../operations/create-policy';
import { formatDateTime } from '../../shared/ui/format';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { createAttempts } from './create-attempts';
import { PageBreadcrumb } from '../../policy-ui/page-breadcrumb';
import { blankPolicy, duplicateOf, fromTemplate } from './new-policy-sources';
import { NameTheCopy } from './name-the-copy';
import { draftStore } from '../../policy-ui/draft-store';
import { PolicyWorkbench, type GraphFinding } from './policy-workbench';
import type { LockoutRisk } from '../../domain/lockout';
import { DraftImpact, withImpactRisks } from './draft-impact';
import { ReviewDialog, type ReviewStep } from './review-dialog';
import { DuplicatesCreated } from './duplicates-created';
import { useDraft } from './use-draft';
import { useLockoutGuard } from './use-lockout-guard';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  sources: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  templates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const NEW = 'new';
const pretty = (policy: JsonObject) => JSON.stringify(policy, null, 2);

/** The name in a draft's text, when it has one. */
function nameInDraft(text: string | undefined): string | null {
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    const name = typeof value === 'object' && value !== null ? (value as JsonObject).displayName : null;
    return typeof name === 'string' && name.trim() ? name : null;
  } catch {
    return null;
  }
}

/** The new-policy draft on this device and what an attempt to create it knew: both go together. */
function discardNewDraft(accountKey: string) {
  draftStore.clear(accountKey, NEW);
  createAttempts.clear(accountKey);
}

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

function SourceChooser({ focusOnArrival, onChoose }: { focusOnArrival: boolean; onChoose(body: JsonObject): void }) {
  const styles = useStyles();
  // Arriving here by Start over: the keyboard's focus goes to the first choice, not to <body>.
  const firstChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnArrival) firstChoice.current?.focus();
  }, [focusOnArrival]);
  const tenant = useTenantSession();
  const templates = useQuery(templatesQuery(tenant));
  const [fileError, setFileError] = useState<string | null>(null);
  const [choices, setChoices] = useState<{ name: string; body: JsonObject }[]>([]);
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);

  /** Files and pasted text go through the same reader, so both accept what exports look like. */
  const read = (bytes: Uint8Array, name: string, fail: (message: string) => void) => {
    try {
      const policies = parsePolicyFile(bytes, name);
      if (policies.length === 1) onChoose(policies[0]!.body);
      else setChoices(policies.map((p) => ({ name: p.displayName, body: p.body })));
    } catch (error) {
      fail(error instanceof PolicyFileError ? error.message : `${name} could not be read: ${String(error)}`);
    }
  };
  const readFile = async (file: File) => {
    setFileError(null);
    read(new Uint8Array(await file.arrayBuffer()), file.name, setFileError);
  };

  return (
    <div className={styles.sources}>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Blank</Text>}
          description="The smallest valid policy: targets nobody until you say whom."
        />
        <Button ref={firstChoice} icon={<DocumentAddRegular />} onClick={() => onChoose(blankPolicy())}>
          Start blank
        </Button>
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">From a file</Text>}
          description="A policy as exported by Graph, PowerShell or another tool: one policy, a list, UTF-8 or UTF-16."
        />
        <FileDropZone label="Policy file (.json)" accept=".json,application/json" error={fileError} onFile={readFile} />
        {choices.length > 0 && (
          <div className={styles.templates} role="group" aria-label="Policies in the file">
            <Text>This file holds {choices.length} policies. Which one?</Text>
            {choices.map((choice, index) => (
              <Button
                key={index}
                icon={<DocumentArrowUpRegular />}
                onClick={() => onChoose(choice.body)}
                style={{ justifyContent: 'flex-start' }}
              >
                {choice.name}
              </Button>
            ))}
          </div>
        )}
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">Paste JSON</Text>}
          description="A policy copied from Graph Explorer, a script or a colleague."
        />
        <Field label="Policy JSON" validationMessage={pasteError ?? undefined} validationState={pasteError ? 'error' : 'none'}>
          <Textarea
            value={pasted}
            onChange={(_, data) => setPasted(data.value)}
            resize="vertical"
            rows={5}
            textarea={{ style: { fontFamily: tokens.fontFamilyMonospace } }}
          />
        </Field>
        <Button
          disabled={!pasted.trim()}
          onClick={() => {
            setPasteError(null);
            read(new TextEncoder().encode(pasted), 'The pasted text', setPasteError);
          }}
        >
          Use pasted JSON
        </Button>
      </Card>
      <Card>
        <CardHeader
          header={<Text weight="semibold">From a Microsoft template</Text>}
          description="Microsoft's recommended policies, with you excluded where the template says so."
        />
        {templates.isPending && (
          <Skeleton aria-label="Loading templates">
            <SkeletonItem size={64} />
          </Skeleton>
        )}
        {templates.isError && (
          <ErrorState {...describeError(templates.error, 'load the templates')} onRetry={() => void templates.refetch()} />
        )}
        <div className={styles.templates}>
          {templates.data?.map((template) => (
            <Tooltip key={template.id} content={template.description} relationship="description">
              <Button
                onClick={() => onChoose(fromTemplate(template, tenant.account.objectId))}
                style={{ justifyContent: 'flex-start', textAlign: 'left' }}
              >
                {template.name}
              </Button>
            </Tooltip>
          ))}
        </div>
      </Card>
    </div>
  );
}

function NewPolicyEditor({ start, focusOnArrival, onStartOver }: { start: JsonObject; focusOnArrival: boolean; onStartOver(): void }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const navigate = useNavigate();
  const { dark } = useTheme();
  const createPolicy = useCreatePolicy();
  // The base of a new policy is nothing: everything in the draft is what will be created.
  const draft = useDraft(tenant.account.key, NEW, () => ({ base: {}, text: pretty(start) }));
  const policies = useQuery(policiesQuery(tenant));
  const names = useNames(tenant, draft.policy ? [draft.policy as ConditionalAccessPolicy] : undefined);
  const [reviewing, setReviewing] = useState(false);
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  const [graphFinding, setGraphFinding] = useState<GraphFinding | null>(null);
  const [duplicates, setDuplicates] = useState<{ kept: ConditionalAccessPolicy; extra: ConditionalAccessPolicy[] } | null>(null);
  const atLimit = (policies.data?.length ?? 0) >= POLICY_LIMIT;
  const blocked = !draft.policy || blocksSaving(draft.findings) || atLimit;
  // A read-only account may still draft (kept on this device), but not create.
  const write = useWriteAccess();
  const guard = useLockoutGuard(draft);
  // Emergency accounts and the admin the new policy would hit in recent sign-ins join the guard's list.
  const [impactRisks, setImpactRisks] = useState<LockoutRisk[]>([]);
  // Create waits while recent sign-ins are read: risks found there need the same acknowledgement.
  const [checkingSignIns, setCheckingSignIns] = useState(true);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const canReview = !blocked && write.allowed;
  // The review gives the keyboard's focus back to what opened it (the button, or the JSON by Ctrl+S).
  const rememberReviewOpener = useFocusReturn(reviewing);
  const openReview = () => {
    rememberReviewOpener();
    setStep({ kind: 'review' });
    // Each review judges the draft as it is now: no risk of an earlier review carries over.
    setImpactRisks([]);
    setCheckingSignIns(true);
    setReviewing(true);
  };
  const name = typeof draft.policy?.displayName === 'string' ? draft.policy.displayName : 'the new policy';
  // Start over throws the draft away: it asks first, and the focus returns to Start over if the admin keeps it.
  const [confirmingStartOver, setConfirmingStartOver] = useState(false);
  const rememberStartOver = useFocusReturn(confirmingStartOver);

  // The editor replaces the chooser: the focus goes to its heading rather than dropping to <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnArrival) heading.current?.focus();
  }, [focusOnArrival]);

  // An attempt whose outcome is unknown (it failed after its POST): what it knew, kept in memory and on
  // this device beside the draft, so the next attempt, here or after a reload, looks for its policy first.
  const [attempt, setAttempt] = useState<CreateAttempt | null>(() => createAttempts.load(tenant.account.key));
  // Another tab on the same draft may have kept one since this page opened (its create lost its answer).
  useEffect(
    () => createAttempts.watch(tenant.account.key, () => setAttempt(createAttempts.load(tenant.account.key))),
    [tenant.account.key],
  );
  const [createdEarlier, setCreatedEarlier] = useState<{ policy: ConditionalAccessPolicy; withChanges: boolean } | null>(null);

  const create = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    try {
      const outcome = await createPolicy.mutateAsync({
        body: draft.policy,
        // Read again now: an attempt kept by another tab counts as this page's own.
        earlier: createAttempts.load(tenant.account.key) ?? attempt,
        onAttempt: (known) => {
          setAttempt(known);
          createAttempts.save(tenant.account.key, known);
        },
        // Graph refused the POST: nothing was made, no attempt's outcome is unknown any more.
        onRefused: () => {
          setAttempt(null);
          createAttempts.clear(tenant.account.key);
        },
      });
      setAttempt(null);
      // Found as an earlier attempt sent it, before the draft's later edits: those edits become the
      // created policy's draft, to review and save there, not a second policy.
      if (outcome.byEarlierAttempt && outcome.differsFromBody)
        draftStore.save(tenant.account.key, outcome.policy.id!, {
          text: JSON.stringify({ ...draft.policy, id: outcome.policy.id }, null, 2),
          baseText: JSON.stringify(outcome.policy),
          baseModified: outcome.policy.modifiedDateTime ?? null,
          updatedAt: new Date().toISOString(),
          origin: 'Your changes made after an earlier attempt created this policy',
        });
      discardNewDraft(tenant.account.key);
      // A duplicate is said here, with its deletion one click away, before moving on.
      if (outcome.duplicates.length > 0) {
        setReviewing(false);
        setDuplicates({ kept: outcome.policy, extra: outcome.duplicates });
      } else if (outcome.byEarlierAttempt) {
        // Nothing was written this time: the earlier attempt had created it. Said, with the policy one click away.
        setReviewing(false);
        setCreatedEarlier({ policy: outcome.policy, withChanges: !!outcome.differsFromBody });
      } else {
        // Graph made it, but the look for a second copy (a lost answer resent) could not be made: said on the policy's page.
        const warning = outcome.duplicatesUnchecked
          ? 'Whether a second copy was made could not be checked (Microsoft Graph did not answer the search): look in the policy list for another policy of this name.'
          : undefined;
        navigate(paths.policy(outcome.policy.id!), { state: { created: true, ...(warning && { warning }) } });
      }
    } catch (error) {
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', error: describeError(error, 'create the policy') });
    }
  };

  if (duplicates) return <DuplicatesCreated kept={duplicates.kept} extra={duplicates.extra} />;
  if (createdEarlier) return <CreatedByEarlierAttempt {...createdEarlier} />;

  const draftName = typeof draft.policy?.displayName === 'string' && draft.policy.displayName.trim() ? draft.policy.displayName : null;
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className={styles.subtitle}>
        {draftName ? (
          <>
            Draft: <Isolated>{draftName}</Isolated>
          </>
        ) : (
          'Draft'
        )}
      </h2>
      {draft.restoredAt && (
        <MessageBar intent="info">
          <MessageBarBody>
            {draft.origin ? `${draft.origin}. Review it, then create it.` : 'Your unsaved new policy from this device was restored.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {atLimit && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This tenant already has {POLICY_LIMIT} policies, the most Microsoft Entra allows. Delete one before creating another.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Tooltip
          content={
            !write.allowed
              ? (write.reason ?? '')
              : blocked
                ? 'Fix the problems listed under Checks first.'
                : 'See exactly what will be created.'
          }
          relationship="description"
        >
          <Button ref={reviewButton} appearance="primary" disabledFocusable={!canReview} onClick={openReview}>
            Review and create…
          </Button>
        </Tooltip>
        <Button
          onClick={() => {
            rememberStartOver();
            setConfirmingStartOver(true);
          }}
        >
          Start over
        </Button>
      </div>
      <Dialog open={confirmingStartOver} onOpenChange={(_, data) => !data.open && setConfirmingStartOver(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Start over?</DialogTitle>
            <DialogContent>
              {draftName ? (
                <>
                  The new policy “<Isolated>{draftName}</Isolated>”
                </>
              ) : (
                'The new policy'
              )}{' '}
              will be discarded, here and in the draft kept on this device.
              {draft.origin && <> It was opened for you: {draft.origin}.</>}
              {attempt && (
                <> An earlier attempt to create it may have reached the tenant: look for it among the policies before creating it again.</>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  discardNewDraft(tenant.account.key);
                  setAttempt(null);
                  setConfirmingStartOver(false);
                  onStartOver();
                }}
              >
                Discard and start over
              </Button>
              <Button onClick={() => setConfirmingStartOver(false)}>Keep editing</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <PolicyWorkbench
        draft={draft}
        modelName="new"
        label="JSON of the new policy"
        graphFinding={graphFinding}
        names={names.data}
        risks={guard.risks}
        // Not yet: the keyboard goes to the button, whose tooltip says why.
        onReview={() => (canReview ? openReview() : reviewButton.current?.focus())}
      />
      {reviewing && draft.policy && (
        <ReviewDialog
          open
          step={step}
          policyName={name}
          original=""
          modified={comparableText(draft.policy)}
          changes={[
            {
              path: 'create',
              text: `Creates “${isolatedText(name)}” in ${draft.policy.state === 'enabled' ? 'On (enforced at once)' : draft.policy.state === 'disabled' ? 'Off' : 'Report-only'}`,
            },
          ]}
          dark={dark}
          names={names.data}
          newPolicy={draft.policy}
          saveLabel="Create in tenant"
          risks={withImpactRisks(guard.risks, impactRisks)}
          checkingSignIns={checkingSignIns}
          impact={<DraftImpact policyId={null} draft={draft.policy} onRisks={setImpactRisks} onChecking={setCheckingSignIns} />}
          onExcludeEmergency={guard.excludeEmergency}
          onSave={() => void create()}
          onClose={() => setReviewing(false)}
          onKeepMine={() => {}}
          onTakeTheirs={() => {}}
        />
      )}
    </>
  );
}

/** The create's answer was lost earlier, and the policy was found in the tenant: it was not created again. */
function CreatedByEarlierAttempt({ policy, withChanges }: { policy: ConditionalAccessPolicy; withChanges: boolean }) {
  const navigate = useNavigate();
  const open = useRef<HTMLButtonElement>(null);
  // The review that was open is gone: the focus goes to what comes next.
  useEffect(() => open.current?.focus(), []);
  const name = policy.displayName ?? 'The policy';
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          “<Isolated>{name}</Isolated>” was created by your earlier attempt
        </MessageBarTitle>
        Microsoft Graph's answer to that attempt was lost, but the policy is in the tenant (created {formatDateTime(policy.createdDateTime)}
        ). It was not created again.
        {withChanges &&
          ' It holds the draft as that attempt sent it: your changes since are kept as its draft, to review and save in its editor.'}
      </MessageBarBody>
      <MessageBarActions>
        {withChanges ? (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.editPolicy(policy.id!))}>
            Review your changes to “{isolatedText(name)}”
          </Button>
        ) : (
          <Button ref={open} appearance="primary" onClick={() => navigate(paths.policy(policy.id!), { state: { created: true } })}>
            Open “{isolatedText(name)}”
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

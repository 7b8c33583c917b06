// Creating a policy: start blank, from a copy (?duplicate=<id>, named first), from a Microsoft template, or from
// a file as exports occur in the wild; then the same editor and checks as editing, and a review of
// exactly what will be created before anything is written. New policies start in report-only.
import {
  Button,
  Card,
  CardHeader,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
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

export function NewPolicyPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const [params] = useSearchParams();
  const duplicateId = params.get('duplicate');
  const duplicate = useQuery({ ...policyQuery(tenant, duplicateId ?? ''), enabled: !!duplicateId });
  const [start, setStart] = useState<JsonObject | null>(() => (draftStore.load(tenant.account.key, NEW) ? {} : null));
  // A copy is named first, once the policy has loaded (the draft then keeps its own text).
  const chosen = start;

  const navigate = useNavigate();
  return (
    <section className={styles.page} aria-labelledby="new-title">
      <PageBreadcrumb trail={[{ label: 'New policy' }]} />
      <h1 id="new-title" className={styles.title}>
        New policy
      </h1>
      {chosen ? (
        <NewPolicyEditor
          start={chosen}
          onStartOver={() => {
            setStart(null);
            navigate(paths.newPolicy(), { replace: true });
          }}
        />
      ) : duplicateId ? (
        duplicate.data ? (
          <NameTheCopy
            policy={duplicate.data}
            onContinue={(name) => setStart(duplicateOf(duplicate.data, name))}
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
        <SourceChooser onChoose={setStart} />
      )}
    </section>
  );
}

function SourceChooser({ onChoose }: { onChoose(body: JsonObject): void }) {
  const styles = useStyles();
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
        <Button icon={<DocumentAddRegular />} onClick={() => onChoose(blankPolicy())}>
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

function NewPolicyEditor({ start, onStartOver }: { start: JsonObject; onStartOver(): void }) {
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
  const reviewButton = useRef<HTMLButtonElement>(null);
  const canReview = !blocked && write.allowed;
  const openReview = () => {
    setStep({ kind: 'review' });
    setReviewing(true);
  };
  const name = typeof draft.policy?.displayName === 'string' ? draft.policy.displayName : 'the new policy';

  const create = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    try {
      const outcome = await createPolicy.mutateAsync(draft.policy);
      draftStore.clear(tenant.account.key, NEW);
      // A duplicate is said here, with its deletion one click away, before moving on.
      if (outcome.duplicates.length > 0) {
        setReviewing(false);
        setDuplicates({ kept: outcome.policy, extra: outcome.duplicates });
      } else {
        navigate(paths.policy(outcome.policy.id!), { state: { created: true } });
      }
    } catch (error) {
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', error: describeError(error, 'create the policy') });
    }
  };

  if (duplicates) return <DuplicatesCreated kept={duplicates.kept} extra={duplicates.extra} />;

  return (
    <>
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
            draftStore.clear(tenant.account.key, NEW);
            onStartOver();
          }}
        >
          Start over
        </Button>
      </div>
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
              text: `Creates “${name}” in ${draft.policy.state === 'enabled' ? 'On (enforced at once)' : draft.policy.state === 'disabled' ? 'Off' : 'Report-only'}`,
            },
          ]}
          dark={dark}
          names={names.data}
          newPolicy={draft.policy}
          saveLabel="Create in tenant"
          risks={withImpactRisks(guard.risks, impactRisks)}
          impact={<DraftImpact policyId={null} draft={draft.policy} onRisks={setImpactRisks} />}
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

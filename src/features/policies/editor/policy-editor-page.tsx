// Editing a policy: its JSON in a schema-aware Monaco editor beside a state switch, the checks and
// the live summary; the draft kept on this device as it is typed; nothing written before the admin
// has seen the diff; a policy changed by someone else meanwhile is never overwritten silently.
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Skeleton, SkeletonItem, Tooltip, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { applyEdits, modify } from 'jsonc-parser';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { describeError, errorPath } from '../../../graph/describe-error';
import { lookupName, type NameDirectory, type NameKind } from '../../../graph/names';
import { comparableText, type JsonObject } from '../../../graph/policy-body';
import { blocksSaving } from '../../../graph/policy-checks';
import { POLICY_SCHEMA_URI, READ_ONLY_PROPERTIES, conditionalAccessPolicySchema } from '../../../graph/policy-schema';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { useTenantSession } from '../../../session/tenant-session';
import { LazyJsonEditor, type EditorMarker, type IdDescription } from '../../../shared/monaco';
import { useTheme } from '../../../shared/theme';
import { recordVersion } from '../../../shared/storage/version-history';
import { ErrorState } from '../../../shared/ui/error-state';
import { formatDateTime } from '../../../shared/ui/format';
import { policyKeys, policyQuery, useNames } from '../api/policy-queries';
import { StateBadge } from '../components/state-badge';
import { describeChanges } from './describe-changes';
import { draftStore } from './draft-store';
import { EditorSidePanel } from './editor-side-panel';
import { locate } from './json-locations';
import { ReviewDialog, type ReviewStep } from './review-dialog';
import { rebaseDraft, saveDraft } from './save-draft';
import { useDraft } from './use-draft';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  editor: { height: 'calc(100vh - 300px)', minHeight: '480px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const kindWords: Record<NameKind, string> = {
  user: 'user', group: 'group', role: 'directory role', application: 'application', servicePrincipal: 'service principal',
  namedLocation: 'named location', authenticationContext: 'authentication context', termsOfUse: 'terms of use', authenticationStrength: 'authentication strength',
};

function describeIdIn(names: NameDirectory | undefined, id: string): IdDescription | undefined {
  const found = lookupName(names, ['user', 'group', 'servicePrincipal', 'role', 'application', 'namedLocation', 'termsOfUse', 'authenticationStrength'], id);
  if (!found) return undefined;
  return { kind: found.missing ? 'object' : kindWords[found.kind], label: found.displayName, detail: found.detail, missing: found.missing };
}

const SCHEMAS = [{ uri: POLICY_SCHEMA_URI, fileMatch: ['*.policy.json'], schema: conditionalAccessPolicySchema }];

export function PolicyEditorPage() {
  const { id = '' } = useParams();
  const tenant = useTenantSession();
  const live = useQuery({ ...policyQuery(tenant, id), staleTime: 0 });
  if (live.isPending) {
    return (
      <Skeleton aria-label="Loading the policy">
        <SkeletonItem size={32} style={{ width: '40%' }} />
        <SkeletonItem size={128} style={{ marginTop: 16 }} />
      </Skeleton>
    );
  }
  if (!live.data) return <ErrorState {...describeError(live.error, 'load this policy')} onRetry={() => void live.refetch()} />;
  return <Editor key={`${tenant.account.key}:${id}`} live={live.data} />;
}

function Editor({ live }: { live: ConditionalAccessPolicy }) {
  const styles = useStyles();
  const tenant = useTenantSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { dark } = useTheme();
  const id = live.id ?? '';
  const draft = useDraft(tenant.account.key, live);
  // Names for the ids in the draft as it is now, so ids typed in resolve too.
  const names = useNames(tenant, [(draft.policy ?? live) as ConditionalAccessPolicy]);
  const describeId = useCallback((id: string) => describeIdIn(names.data, id), [names.data]);
  const [reviewing, setReviewing] = useState(false);
  const [step, setStep] = useState<ReviewStep>({ kind: 'review' });
  const [saveError, setSaveError] = useState<ReturnType<typeof describeError> | null>(null);
  // A numbered Graph error, shown on the JSON it concerns until the text changes again.
  const [graphFinding, setGraphFinding] = useState<{ text: string; path: string[]; code: string; message: string } | null>(null);
  const leaving = useRef(false);

  const markers = useMemo<EditorMarker[]>(
    () => [
      ...draft.findings.filter((f) => f.severity !== 'info').map((f) => ({ ...locate(draft.text, f.path), severity: f.severity, message: f.message, code: f.code })),
      ...(graphFinding && graphFinding.text === draft.text ? [{ ...locate(draft.text, graphFinding.path), severity: 'error' as const, message: graphFinding.message, code: graphFinding.code }] : []),
    ],
    [draft.findings, draft.text, graphFinding],
  );
  const dimmed = useMemo(() => (draft.policy ? READ_ONLY_PROPERTIES.filter((key) => key in draft.policy!).map((key) => locate(draft.text, [key])) : []), [draft.policy, draft.text]);
  const changes = useMemo(() => (draft.policy ? describeChanges(draft.base, draft.policy, names.data) : []), [draft.base, draft.policy, names.data]);
  const blocked = !draft.policy || blocksSaving(draft.findings);

  // Leaving with unsaved changes asks first (the draft stays on this device either way).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => draft.dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!draft.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft.dirty]);

  const setState = (state: string) => {
    const edits = modify(draft.text, ['state'], state, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    draft.setText(applyEdits(draft.text, edits));
  };

  const save = async () => {
    if (!draft.policy) return;
    setStep({ kind: 'saving' });
    try {
      const outcome = await saveDraft(tenant.client, id, draft.policy, draft.baseModified, (current) =>
        recordVersion({ scope: tenant.account.tenantId, itemId: id, recordedAt: new Date().toISOString(), reason: 'before save', json: JSON.stringify(current) }),
      );
      if (outcome.kind === 'conflict') {
        setStep({ kind: 'conflict', current: outcome.current, theirChanges: describeChanges(draft.base, outcome.current as unknown as JsonObject, names.data) });
        return;
      }
      draftStore.clear(tenant.account.key, id);
      if (outcome.kind === 'saved') queryClient.setQueryData(policyKeys.detail(tenant, id), outcome.policy);
      await queryClient.invalidateQueries({ queryKey: policyKeys.all(tenant) });
      leaving.current = true;
      navigate(`/policies/${id}`, { state: { saved: outcome.kind === 'saved' } });
    } catch (error) {
      const description = describeError(error, 'save the policy');
      setSaveError(description);
      const located = errorPath(error);
      setGraphFinding(located ? { ...located, text: draft.text } : null);
      setStep({ kind: 'failed', error: description });
    }
  };

  const current = step.kind === 'conflict' ? (step.current as unknown as JsonObject) : null;

  return (
    <section className={styles.page} aria-labelledby="editor-title">
      <Breadcrumb aria-label="Breadcrumb">
        <BreadcrumbItem>
          <BreadcrumbButton onClick={() => navigate('/policies')}>Policies</BreadcrumbButton>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton onClick={() => navigate(`/policies/${id}`)}>{live.displayName}</BreadcrumbButton>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>Edit</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      <div className={styles.titleRow}>
        <h1 id="editor-title" className={styles.title}>
          Edit {live.displayName}
        </h1>
        <StateBadge state={live.state ?? 'disabled'} />
      </div>

      {draft.restoredAt && draft.dirty && (
        <MessageBar intent="info">
          <MessageBarBody>Your unsaved draft from {formatDateTime(draft.restoredAt)} was restored.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => draft.reset(live as unknown as JsonObject)}>Discard draft</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {saveError && !reviewing && <ErrorState {...saveError} />}

      <div className={styles.actions}>
        <Tooltip content={blocked ? 'Fix the problems listed under Checks first.' : draft.dirty ? 'See exactly what will change before saving.' : 'Nothing has changed yet.'} relationship="description">
          <Button appearance="primary" disabledFocusable={blocked || !draft.dirty} onClick={() => { setStep({ kind: 'review' }); setReviewing(true); }}>
            Review and save…
          </Button>
        </Tooltip>
        <Button disabled={!draft.dirty} onClick={() => draft.reset(draft.base)}>
          Undo all changes
        </Button>
        <Button appearance="subtle" onClick={() => navigate(`/policies/${id}`)}>
          Close
        </Button>
      </div>

      <div className={styles.layout}>
        <div className={styles.editor}>
          <Suspense fallback={<Skeleton aria-label="Loading the JSON editor"><SkeletonItem size={128} /></Skeleton>}>
            <LazyJsonEditor
              value={draft.text}
              onChange={draft.setText}
              path={`${id}.policy.json`}
              schemas={SCHEMAS}
              markers={markers}
              dimmed={dimmed}
              dark={dark}
              ariaLabel={`JSON of ${live.displayName ?? 'the policy'}`}
              describeId={describeId}
            />
          </Suspense>
        </div>
        <EditorSidePanel policy={draft.policy as ConditionalAccessPolicy | null} parseError={draft.parseError} findings={draft.findings} names={names.data} onStateChange={setState} />
      </div>

      {reviewing && draft.policy && (
        <ReviewDialog
          open
          step={step}
          policyName={live.displayName ?? id}
          original={comparableText(draft.base)}
          modified={current ? comparableText(current) : comparableText(draft.policy)}
          changes={changes}
          dark={dark}
          onSave={() => void save()}
          onClose={() => setReviewing(false)}
          onKeepMine={() => {
            const rebased = rebaseDraft(draft.base, draft.policy!, current!);
            draft.reset(current!, JSON.stringify(rebased, null, 2));
            setStep({ kind: 'review' });
          }}
          onTakeTheirs={() => {
            draft.reset(current!);
            setReviewing(false);
          }}
        />
      )}

      <Dialog open={blocker.state === 'blocked'} onOpenChange={(_, data) => !data.open && blocker.reset?.()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Leave without saving?</DialogTitle>
            <DialogContent>Your changes are not saved to the tenant. They stay as a draft on this device, and open again when you come back to this policy.</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => blocker.reset?.()}>
                Stay
              </Button>
              <Button onClick={() => blocker.proceed?.()}>Leave</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

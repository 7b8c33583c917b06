// Templates: Microsoft's templates, the shipped baselines and the tenant's own saved templates in
// one gallery, shown against the tenant (has it, which policy, how it differs, or a gap). Chosen
// templates have their blanks filled in one form and are deployed as one plan, reviewed before
// anything is written, through the same flow as an import (new policies report-only, Off for user
// actions; the lock-out guard; paced and journalled).
import { Button, Link, makeStyles, Skeleton, SkeletonItem, Switch, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, RocketRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { findBlanks } from '../../domain/templates/blanks';
import { CURRENT_ADMIN_BLANK, type GalleryTemplate, type TemplateSource } from '../../domain/templates/gallery-template';
import { securityDefaultsQuery } from '../../policy-ui/queries';
import { templatesImport } from '../../domain/templates/template-import';
import { describeError } from '../../graph/describe-error';
import { PlanAndApply } from '../../policy-ui/plan/plan-and-apply';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useOrganizationName } from '../../session/organization-query';
import { useTenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { LiveStatus } from '../../shared/ui/live-status';
import { isolatedText } from '../../shared/ui/isolated-text';
import { useFocusReturn } from '../../shared/ui/use-focus-return';
import { AddBaseline } from './add-baseline';
import { BlanksForm, type Fills } from './blanks-form';
import { GalleryTable, SOURCE_WORDS, type MatchWithPolicy } from './gallery-table';
import { SaveAsTemplate } from './save-as-template';
import { SecurityDefaultsNotice } from './security-defaults-notice';
import { TemplateDifference } from './template-difference';
import { useGallery } from './use-gallery';
import { personName } from '../../auth';
import { paths } from '../../shared/routes/paths';

/** A run written from this page resumes here. */
const ORIGIN = { key: 'templates', path: paths.templates, label: 'Templates, a deployment' };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  bar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  undo: { alignSelf: 'flex-start' },
});

type SourceFilter = 'all' | TemplateSource;

/** What the empty gallery lacks, after "no template is". */
const NONE_WORDS: Record<TemplateSource, string> = {
  microsoft: 'from Microsoft',
  baseline: 'a shipped baseline',
  tenant: 'saved on this device: save a policy or add a baseline under Your own templates',
};

/**
 * What a filter leaves, said when it changes (rows coming and going are heard by nobody), and shown where the
 * rows were when it leaves none. Only once the admin has filtered: on opening, the summary says the whole.
 */
function filterWords(shown: number, total: number, source: SourceFilter, gapsOnly: boolean): string {
  if (shown === 0) {
    const lacks = [source === 'all' ? null : NONE_WORDS[source], gapsOnly ? 'missing from this tenant' : null].filter(Boolean);
    return `No template shown of ${total}: no template is ${lacks.join(' and ') || 'in the gallery'}.`;
  }
  if (source === 'all' && !gapsOnly) return `All ${total} templates shown.`;
  const filters = [source === 'all' ? null : SOURCE_WORDS[source], gapsOnly ? 'hiding what the tenant has' : null].filter(Boolean);
  return `${shown} of ${total} templates shown (${filters.join(', ')}).`;
}

export function TemplatesPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const targetName = useOrganizationName(tenant) ?? 'this tenant';
  const { microsoft, policies, matches, saved, setSaved } = useGallery();
  // Read so the page can say whether policies can be turned on at all (a refusal leaves the general note).
  const securityDefaults = useQuery(securityDefaultsQuery(tenant));
  const [emergency] = useEmergencyAccess(tenant.account.tenantId);
  const [sourceFilter, setSourceFilter] = useState<SourceFilter>('all');
  const [gapsOnly, setGapsOnly] = useState(false);
  // Said only once the admin has filtered: on opening, the summary says it all.
  const [filtered, setFiltered] = useState(false);
  // What an action on the gallery did, said before what the filter leaves.
  const [said, setSaid] = useState<string | null>(null);
  // The last saved template forgotten, kept until another change, so one Undo puts it back where it was.
  const [forgotten, setForgotten] = useState<{ template: GalleryTemplate; at: number } | null>(null);
  // The Undo button leaves with its use: the focus goes to the template put back (its own Forget).
  const putBack = useRef<string | null>(null);
  const sourceTabs = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [differing, setDiffering] = useState<MatchWithPolicy | null>(null);
  // Closing the difference gives focus back to the row's button that opened it.
  const rememberFocus = useFocusReturn(!!differing);
  const [fills, setFills] = useState<Fills>(
    () =>
      new Map([[CURRENT_ADMIN_BLANK, [{ kind: 'user' as const, id: tenant.account.objectId, displayName: personName(tenant.account) }]]]),
  );
  const [source, setSource] = useState<ImportSet | null>(null);
  const [plans, setPlans] = useState(0);
  const deployTitle = useRef<HTMLHeadingElement>(null);
  const pageTitle = useRef<HTMLHeadingElement>(null);
  const gallery = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = putBack.current;
    if (key === null) return;
    putBack.current = null;
    gallery.current?.querySelector<HTMLElement>(`tr[data-template="${CSS.escape(key)}"] [data-forget]`)?.focus();
  }, [saved]);
  // The templates a run started here deploys, and where the focus goes once the run is put away (the run and its
  // buttons leave the page with it): to the policy written, in its template's row, or back to the deployment.
  const deploying = useRef<readonly string[]>([]);
  const landing = useRef<{ written: readonly string[] } | 'deploy' | null>(null);
  // Try again leaves with its error once the read succeeds: the focus goes to what it brought, the gallery's summary.
  const retried = useRef(false);
  const summary = useRef<HTMLSpanElement>(null);
  // The run is the plan's own state: putting it away renders this page too, so the focus can be placed.
  const [, setRunsClosed] = useState(0);

  const shown = useMemo(
    () =>
      (matches ?? []).filter(
        (m) => (sourceFilter === 'all' || m.template.source === sourceFilter) && (!gapsOnly || m.status.kind !== 'present'),
      ),
    [matches, sourceFilter, gapsOnly],
  );
  // A chosen template the tenant now has (just deployed) is chosen no more.
  const chosen = useMemo(
    () => (matches ?? []).filter((m) => selected.has(m.template.key) && m.status.kind !== 'present').map((m) => m.template),
    [matches, selected],
  );
  const blanks = useMemo(() => findBlanks(chosen.map((t) => t.policy)), [chosen]);
  const counts = useMemo(() => {
    const all = matches ?? [];
    return { present: all.filter((m) => m.status.kind === 'present').length, gaps: all.filter((m) => m.status.kind === 'gap').length };
  }, [matches]);

  // After every render: the run put away, then the policies read again with the new one.
  useEffect(() => {
    const target = landing.current;
    if (!target) return;
    if (target === 'deploy') {
      landing.current = null;
      (deployTitle.current ?? pageTitle.current)?.focus();
      return;
    }
    const link = target.written
      .map((key) => gallery.current?.querySelector<HTMLElement>(`[data-policy-of="${CSS.escape(key)}"]`))
      .find((element) => !!element);
    if (link) {
      landing.current = null;
      link.focus();
      return;
    }
    // Until the row has its link, the focus waits on the page's title (the run's Done button is gone).
    if (!gallery.current?.contains(document.activeElement)) pageTitle.current?.focus();
    if (!policies.isFetching) landing.current = null;
  });

  useEffect(() => {
    if (!retried.current || microsoft.isError || policies.isError || !summary.current) return;
    retried.current = false;
    summary.current.focus();
  });

  const focusSelectedSource = useCallback(
    () => sourceTabs.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
    [],
  );

  const select = (key: string, on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setSource(null);
  };

  return (
    <section className={styles.page} aria-labelledby="templates-title">
      <h1 id="templates-title" className={styles.title} ref={pageTitle} tabIndex={-1}>
        Templates
      </h1>
      <Text>
        Microsoft’s policy templates, the baselines shipped with Gatehouse and the templates saved on this device, each shown against{' '}
        {targetName}: whether it has the policy, which one and how it differs, or that it is a gap. Choose templates to deploy them
        together, as one plan you review before anything is written.
      </Text>
      <PlanAndApply
        source={chosen.length > 0 ? source : null}
        sourceKey={String(plans)}
        targetName={targetName}
        origin={ORIGIN}
        from="templates"
        onStart={() => {
          deploying.current = chosen.map((t) => t.key);
        }}
        onClosed={(run) => {
          landing.current = run.items.every((item) => item.status === 'done') ? { written: deploying.current } : 'deploy';
          setRunsClosed((n) => n + 1);
        }}
        // The plan follows the action that made it, before the page's other tools.
        after={
          <section className={styles.section} aria-labelledby="save-title">
            <h2 id="save-title" className={styles.heading}>
              Your own templates
            </h2>
            <Text>
              Save one of this tenant’s policies as a template: its users, groups and locations become named blanks, so it can be deployed
              again here or in any tenant you sign in to from this device, where it is kept.
            </Text>
            <SaveAsTemplate policies={policies.data ?? []} onSave={(template) => setSaved([...saved, template])} />
            <Text>
              A baseline Gatehouse does not ship (another tool’s export, a colleague’s backup) is added the same way, each of its policies a
              template with its objects as blanks.
            </Text>
            <AddBaseline onAdd={(templates) => setSaved([...saved, ...templates])} />
          </section>
        }
      >
        <SecurityDefaultsNotice read={securityDefaults} tenantName={targetName} />
        {microsoft.isError ? (
          <ErrorState
            {...describeError(microsoft.error, 'load Microsoft’s templates')}
            onRetry={() => {
              retried.current = true;
              void microsoft.refetch();
            }}
          />
        ) : null}
        {policies.isError ? (
          <ErrorState
            {...describeError(policies.error, 'load the tenant’s policies')}
            onRetry={() => {
              retried.current = true;
              void policies.refetch();
            }}
          />
        ) : null}
        {!matches ? (
          policies.isError ? null : (
            <Skeleton aria-label="Loading the gallery">
              <SkeletonItem size={64} />
            </Skeleton>
          )
        ) : (
          <>
            <Text role="status" ref={summary} tabIndex={-1}>
              {matches.length} templates: {counts.present} in this tenant, {counts.gaps} gaps,{' '}
              {matches.length - counts.present - counts.gaps} similar.
            </Text>
            <div className={styles.bar}>
              <TabList
                aria-label="Source"
                ref={sourceTabs}
                selectedValue={sourceFilter}
                onTabSelect={(_, data) => {
                  setSourceFilter(data.value as SourceFilter);
                  setFiltered(true);
                  setSaid(null);
                }}
                size="small"
              >
                <Tab value="all">All</Tab>
                {(Object.keys(SOURCE_WORDS) as TemplateSource[]).map((s) => (
                  <Tab key={s} value={s}>
                    {SOURCE_WORDS[s]}
                  </Tab>
                ))}
              </TabList>
              <Switch
                label="Hide what the tenant has"
                checked={gapsOnly}
                onChange={(_, data) => {
                  setGapsOnly(data.checked);
                  setFiltered(true);
                  setSaid(null);
                }}
              />
              {/* The gallery is a long run of Tabs: past it, to the blanks and the plan's button, in one step. */}
              {chosen.length > 0 ? (
                <Link as="button" onClick={() => deployTitle.current?.focus()}>
                  Skip to deploying {chosen.length === 1 ? 'the chosen template' : `the ${chosen.length} chosen templates`}
                </Link>
              ) : null}
            </div>
            <LiveStatus>
              {[said, filtered ? filterWords(shown.length, matches.length, sourceFilter, gapsOnly) : null].filter(Boolean).join(' ')}
            </LiveStatus>
            {forgotten && saved.every((t) => t.key !== forgotten.template.key) ? (
              <Button
                icon={<ArrowUndoRegular />}
                className={styles.undo}
                onClick={() => {
                  const next = [...saved];
                  next.splice(Math.min(forgotten.at, next.length), 0, forgotten.template);
                  if (!setSaved(next)) {
                    setSaid('This browser refused to store it (storage full or blocked): it is back until this tab is closed.');
                  } else setSaid(`“${isolatedText(forgotten.template.name)}” is kept on this device again.`);
                  putBack.current = forgotten.template.key;
                  setForgotten(null);
                }}
              >
                Undo forget
              </Button>
            ) : null}
            <div ref={gallery}>
              <GalleryTable
                matches={shown}
                selected={selected}
                onSelect={select}
                onDifference={(match) => {
                  rememberFocus();
                  setDiffering(match);
                }}
                onForget={(key) => {
                  const at = saved.findIndex((t) => t.key === key);
                  const template = saved[at];
                  const name = template?.name ?? 'The template';
                  setSaved(saved.filter((t) => t.key !== key));
                  setForgotten(template ? { template, at } : null);
                  // The name came from a file or a tenant: a direction control in it must not turn the sentence around.
                  setSaid(`“${isolatedText(name)}” forgotten on this device.`);
                  select(key, false);
                }}
                onEmptied={focusSelectedSource}
              />
            </div>
          </>
        )}

        {chosen.length > 0 ? (
          <section className={styles.section} aria-labelledby="deploy-title">
            <h2 id="deploy-title" className={styles.heading} ref={deployTitle} tabIndex={-1}>
              Deploy {chosen.length} template{chosen.length === 1 ? '' : 's'}
            </h2>
            <Text>
              Fill the blanks the templates leave. Anything left empty is asked again in the plan’s mapping; nothing is guessed.
              {emergency.users.length + emergency.groups.length === 0
                ? ' No emergency accounts are set in Settings yet: set them there to exclude them in one click.'
                : ''}
            </Text>
            <BlanksForm
              blanks={blanks}
              fills={fills}
              onChange={(next) => {
                setFills(next);
                setSource(null);
              }}
              admin={{ id: tenant.account.objectId, name: personName(tenant.account) }}
              emergency={emergency}
            />
            <div className={styles.bar}>
              <Button
                appearance="primary"
                icon={<RocketRegular />}
                onClick={() => {
                  setSource(templatesImport(chosen, fills));
                  setPlans((n) => n + 1);
                }}
              >
                Plan {chosen.length === 1 ? 'this template' : `these ${chosen.length} templates`}
              </Button>
            </div>
          </section>
        ) : null}
      </PlanAndApply>
      {differing ? (
        <TemplateDifference
          templateName={differing.template.name}
          template={differing.template.policy}
          policy={differing.status.policy}
          onClose={() => setDiffering(null)}
        />
      ) : null}
    </section>
  );
}

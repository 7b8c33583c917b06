// The tenant's lint: every finding of the catalogue, grouped by category (tenant-wide coverage gaps
// included), filtered by severity and category (in the address, so a view can be shared), each with
// its rule id and the Maester or ScubaGear id beside it, a link to its policy, its quick fix and
// suppression with a reason. Suppressions come back from a backup here too. Above the coverage
// findings, a note says once which excluded group is read as the emergency accounts until Settings
// names them (each finding only points at it).
import { Dropdown, makeStyles, MessageBar, MessageBarBody, Option, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { policyJson } from '../../domain/json';
import { likelyEmergencyNote } from '../../domain/lint/coverage';
import type { TenantPolicies } from '../../domain/lint/suppressions';
import { LINT_CATEGORIES, type LintCategory, type LintFinding, type LintSeverity } from '../../domain/lint/types';
import { describeError } from '../../graph/describe-error';
import { LintFindingsList, RouteLink, severityLabel } from '../../policy-ui/lint-findings';
import { lintInputOf } from '../../policy-ui/lint-queries';
import { policiesQuery } from '../../policy-ui/queries';
import { useLintSources, useTenantLint } from '../../policy-ui/use-tenant-lint';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useLintSuppressions } from '../../session/lint-suppressions-store';
import { useTenantSession } from '../../session/tenant-session';
import { paths } from '../../shared/routes/paths';
import { EmptyState } from '../../shared/ui/empty-state';
import { ErrorState } from '../../shared/ui/error-state';
import { rememberFix, useFocusAfterFix } from './focus-after-fix';
import { RestoreSuppressions } from './restore-suppressions';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  dropdown: { minWidth: 'min(100%, 200px)' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

export const CATEGORY_LABELS: Record<LintCategory, string> = {
  references: 'References',
  'lock-out safety': 'Lock-out safety',
  correctness: 'Correctness',
  coverage: 'Coverage of the tenant',
  deprecated: 'Deprecated',
  hygiene: 'Hygiene',
};
const SEVERITIES: LintSeverity[] = ['error', 'warning', 'info'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 5 warnings and 1 suggestion; 1 suppressed": the findings counted as the page shows them. */
export function countWords(findings: readonly LintFinding[]): string {
  const counted = findings.filter((f) => !f.suppressed);
  const by = (s: LintSeverity) => counted.filter((f) => f.severity === s).length;
  const parts = [plural(by('error'), 'error'), plural(by('warning'), 'warning'), plural(by('info'), 'suggestion')];
  const suppressed = findings.length - counted.length;
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}${suppressed ? `; ${suppressed} suppressed` : ''}`;
}

export function LintPage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const location = useLocation();
  const lint = useTenantLint();
  // The same queries as the lint's own (shared, nothing read twice); the note needs the names, which findings do not carry.
  const { sources } = useLintSources();
  const emergencyNote = useMemo(() => sources && likelyEmergencyNote(lintInputOf(sources, new Date())), [sources]);
  const policies = useQuery(policiesQuery(tenant));
  const [emergency] = useEmergencyAccess(tenant.account.tenantId);
  const [suppressions, updateSuppressions] = useLintSuppressions(tenant.account.tenantId);
  const [params, setParams] = useSearchParams();
  const severity = SEVERITIES.find((s) => s === params.get('severity')) ?? null;
  const category = LINT_CATEGORIES.find((c) => c === params.get('category')) ?? null;
  const setFilter = (key: 'severity' | 'category', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const findings = lint.findings;
  const groups = useMemo(() => {
    const shown = (findings ?? []).filter((f) => (!severity || f.severity === severity) && (!category || f.category === category));
    return LINT_CATEGORIES.map((c) => ({ category: c, findings: shown.filter((f) => f.category === c) })).filter((g) => g.findings.length);
  }, [findings, severity, category]);
  const page = useRef<HTMLElement>(null);
  const count = useRef<HTMLElement>(null);
  useFocusAfterFix(tenant.account.key, !!findings, page, count);
  // Unknown (on its way, or failed) is not empty: no policy is said to be missing from the tenant.
  const policyJsons = useMemo<TenantPolicies>(
    () => (policies.data ? policies.data.map(policyJson) : { unread: policies.isError ? 'failed' : 'loading' }),
    [policies.data, policies.isError],
  );

  return (
    <section ref={page} className={styles.page} aria-labelledby="lint-title">
      <h1 id="lint-title" className={styles.title}>
        Lint
      </h1>
      <Text>
        Every policy checked against the catalogue of rules: what they refer to that is gone, what could lock people out, what the service
        refuses or does not do as it reads, what the tenant is not protected against, and hygiene. Where Maester or CISA ScubaGear asks the
        same question, its id is beside ours.
      </Text>
      {emergency.users.length + emergency.groups.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            No emergency-access accounts are set, so no policy is checked against them.{' '}
            <RouteLink to={paths.settings}>Set them in Settings</RouteLink>.
          </MessageBarBody>
        </MessageBar>
      )}

      {lint.error && <ErrorState {...describeError(lint.error, 'lint the tenant')} onRetry={lint.retry} />}

      {!findings && !lint.error && (
        <Skeleton aria-label="Linting the tenant">
          {Array.from({ length: 4 }, (_, i) => (
            <SkeletonItem key={i} size={48} style={{ marginTop: 8 }} />
          ))}
        </Skeleton>
      )}

      {findings && (
        <>
          <Text ref={count} role="status" aria-live="polite" tabIndex={-1}>
            {findings.length === 0 ? 'No findings.' : `${countWords(findings)}.`}
          </Text>
          <div className={styles.filters} role="search" aria-label="Filter the findings">
            <Dropdown
              className={styles.dropdown}
              aria-label="Filter by severity"
              value={severity ? `${severityLabel(severity)}s` : 'All severities'}
              selectedOptions={[severity ?? '']}
              onOptionSelect={(_, data) => setFilter('severity', data.optionValue || null)}
            >
              <Option value="">All severities</Option>
              {SEVERITIES.map((s) => (
                <Option key={s} value={s}>
                  {`${severityLabel(s)}s`}
                </Option>
              ))}
            </Dropdown>
            <Dropdown
              className={styles.dropdown}
              aria-label="Filter by category"
              value={category ? CATEGORY_LABELS[category] : 'All categories'}
              selectedOptions={[category ?? '']}
              onOptionSelect={(_, data) => setFilter('category', data.optionValue || null)}
            >
              <Option value="">All categories</Option>
              {LINT_CATEGORIES.map((c) => (
                <Option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </Option>
              ))}
            </Dropdown>
          </div>
          {findings.length === 0 ? (
            <EmptyState title="No findings">Every rule of the catalogue is satisfied by this tenant’s policies.</EmptyState>
          ) : groups.length === 0 ? (
            <EmptyState title="No findings match">Choose another severity or category.</EmptyState>
          ) : (
            groups.map((group) => (
              <section key={group.category} className={styles.section} aria-labelledby={`lint-${group.category.replace(/\W+/g, '-')}`}>
                <h2 id={`lint-${group.category.replace(/\W+/g, '-')}`} className={styles.heading}>
                  {CATEGORY_LABELS[group.category]} ({group.findings.filter((f) => !f.suppressed).length})
                </h2>
                {group.category === 'coverage' && emergencyNote && (
                  <MessageBar intent="info" aria-label="Likely emergency access accounts">
                    <MessageBarBody>
                      {emergencyNote} <RouteLink to={paths.settings}>Name the emergency access accounts in Settings</RouteLink>.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <LintFindingsList
                  findings={group.findings}
                  related={findings}
                  label={`${CATEGORY_LABELS[group.category]} findings`}
                  onFixOpened={(fixed) =>
                    rememberFix(
                      tenant.account.key,
                      location.key,
                      groups.flatMap((g) => g.findings),
                      fixed,
                    )
                  }
                />
              </section>
            ))
          )}
        </>
      )}

      <section className={styles.section} aria-labelledby="lint-suppressions">
        <h2 id="lint-suppressions" className={styles.heading}>
          Suppressions
        </h2>
        <Text>
          {suppressions.length === 0
            ? 'No finding is suppressed on this device.'
            : `${plural(suppressions.length, 'suppression')} kept on this device; backups carry them.`}
        </Text>
        <RestoreSuppressions policies={policyJsons} current={suppressions} onChange={(next) => updateSuppressions(() => next)} />
      </section>
    </section>
  );
}

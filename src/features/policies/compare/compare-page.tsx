// Compare two policies of the tenant: the differences as sentences with names, and a diff side by
// side or inline, optionally without the noise (nulls, empty lists, id order). The choice lives in
// the URL (?a=&b=), so a comparison can be shared with a colleague who has access.
import { Button, Dropdown, makeStyles, Option, Skeleton, SkeletonItem, Switch, Text, tokens } from '@fluentui/react-components';
import { ArrowSwapRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../graph/describe-error';
import { comparableText, type CompareOptions, type JsonObject } from '../../../graph/policy-body';
import type { ConditionalAccessPolicy } from '../../../graph/types';
import { useTenantSession } from '../../../session/tenant-session';
import { LazyDiffViewer } from '../../../shared/monaco';
import { useTheme } from '../../../shared/theme';
import { EmptyState } from '../../../shared/ui/empty-state';
import { ErrorState } from '../../../shared/ui/error-state';
import { policiesQuery, policyQuery, useNames } from '../api/policy-queries';
import { describeChanges } from '../editor/describe-changes';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  picker: { minWidth: '320px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  diff: { height: 'calc(100vh - 320px)', minHeight: '420px' },
  sentences: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

function usePolicy(id: string | null) {
  const tenant = useTenantSession();
  return useQuery({ ...policyQuery(tenant, id ?? ''), enabled: !!id });
}

export function ComparePage() {
  const styles = useStyles();
  const tenant = useTenantSession();
  const { dark } = useTheme();
  const [params, setParams] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  const inline = params.get('view') === 'inline';
  const options: CompareOptions = params.get('noise') === 'show' ? {} : { hideEmpty: true, sortIds: true };
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const list = useQuery(policiesQuery(tenant));
  const left = usePolicy(a);
  const right = usePolicy(b);
  const names = useNames(tenant, left.data && right.data ? [left.data, right.data] : undefined);
  const texts = useMemo(
    () => (left.data && right.data ? { a: comparableText(left.data as unknown as JsonObject, options), b: comparableText(right.data as unknown as JsonObject, options) } : null),
    // options is derived from the URL; its flags are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [left.data, right.data, options.hideEmpty, options.sortIds],
  );
  const sentences = useMemo(() => (texts ? describeChanges(JSON.parse(texts.a) as JsonObject, JSON.parse(texts.b) as JsonObject, names.data) : []), [texts, names.data]);
  const nameOf = (policy: ConditionalAccessPolicy | undefined) => policy?.displayName ?? '';

  const picker = (which: 'a' | 'b', label: string, id: string | null) => (
    <div className={styles.picker}>
      <Text weight="semibold" id={`pick-${which}`}>
        {label}
      </Text>
      <Dropdown
        aria-labelledby={`pick-${which}`}
        placeholder="Choose a policy"
        value={nameOf(list.data?.find((p) => p.id === id))}
        selectedOptions={id ? [id] : []}
        onOptionSelect={(_, data) => set({ [which]: data.optionValue ?? null })}
      >
        {(list.data ?? []).map((p) => (
          <Option key={p.id} value={p.id!}>
            {p.displayName ?? p.id!}
          </Option>
        ))}
      </Dropdown>
    </div>
  );

  const failed = left.error ?? right.error ?? list.error;
  return (
    <section className={styles.page} aria-labelledby="compare-title">
      <h1 id="compare-title" className={styles.title}>
        Compare
      </h1>
      <div className={styles.pickers}>
        {picker('a', 'Policy A (left)', a)}
        <Button icon={<ArrowSwapRegular />} aria-label="Swap A and B" disabled={!a && !b} onClick={() => set({ a: b, b: a })} />
        {picker('b', 'Policy B (right)', b)}
        <Switch label="Inline" checked={inline} onChange={(_, data) => set({ view: data.checked ? 'inline' : null })} />
        <Switch label="Hide nulls, empty lists and id order" checked={params.get('noise') !== 'show'} onChange={(_, data) => set({ noise: data.checked ? null : 'show' })} />
      </div>
      {failed && <ErrorState {...describeError(failed, 'load the policies to compare')} />}
      {!a || !b ? (
        <EmptyState title="Choose two policies">The differences appear here, in words and line by line.</EmptyState>
      ) : !texts ? (
        <Skeleton aria-label="Loading the policies"><SkeletonItem size={128} /></Skeleton>
      ) : (
        <div className={styles.layout}>
          <section aria-labelledby="differences-title">
            <Text as="h2" id="differences-title" weight="semibold" size={400}>
              {sentences.length === 0 ? 'No differences' : sentences.length === 1 ? '1 difference' : `${sentences.length} differences`}
            </Text>
            <ul className={styles.sentences} aria-label="Differences">
              {sentences.map((s) => (
                <li key={s.path}>{s.text}</li>
              ))}
            </ul>
          </section>
          <div className={styles.diff}>
            <Suspense fallback={<Skeleton aria-label="Loading the diff"><SkeletonItem size={128} /></Skeleton>}>
              <LazyDiffViewer original={texts.a} modified={texts.b} dark={dark} inline={inline} ariaLabel={`${nameOf(left.data)} compared with ${nameOf(right.data)}`} />
            </Suspense>
          </div>
        </div>
      )}
    </section>
  );
}

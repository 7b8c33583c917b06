// Two versions of a policy side by side: the changes in words beside Monaco's diff. A sentence
// takes the admin to its lines; switches show the diff inline, bring back the noise (nulls, empty
// lists, id order) and put names beside ids; a small window shows it inline unless the admin chose
// otherwise (two ~70 px columns cannot be read). Used wherever two versions meet: compare, history,
// deleted policies, tenant against tenant or backup.
import { Link, makeStyles, Skeleton, SkeletonItem, Switch, Text, tokens } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { NameDirectory } from '../domain/references';
import { comparableText, type JsonObject } from '../domain/policy-body';
import { LazyDiffViewer, type DiffReveal } from '../shared/monaco';
import { useTheme } from '../shared/theme';
import { describeChanges } from '../domain/describe-changes';
import { describeIdIn } from './describe-id';
import { locateExactly } from '../domain/json-locations';
import { useSmallWindow } from '../shared/ui/use-small-window';
import { SpokenStatus } from '../shared/ui/live-status';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  switches: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // The words above the diff, so the diff has the full width and stays side by side.
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  words: { maxHeight: '30vh', overflowY: 'auto' },
  diff: { height: 'var(--diff-height)', minHeight: '360px' },
  sentences: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  // Top-aligned, so a sentence that wraps keeps its bullet on its first line.
  sentence: { textAlign: 'start', verticalAlign: 'top' },
});

export interface DiffView {
  /** Inline or side by side as the admin chose; null until then: inline in a small window only. */
  inline: boolean | null;
  /** Show nulls, empty lists and id order, which are hidden by default. */
  noise: boolean;
  /** Names beside ids in the diff. */
  names: boolean;
}

const DEFAULT_DIFF_VIEW: DiffView = { inline: null, noise: false, names: true };

/** Whether the diff is shown inline: as chosen, or as the window fits. */
export function useInlineDiff(view: DiffView): boolean {
  const small = useSmallWindow();
  return view.inline ?? small;
}

/** The view's switches held in component state, for diffs whose page has no URL of its own for them. */
export function useDiffView(initial: Partial<DiffView> = {}) {
  const [view, setView] = useState<DiffView>({ ...DEFAULT_DIFF_VIEW, ...initial });
  return [view, setView] as const;
}

export interface PolicyDiffProps {
  before: JsonObject;
  after: JsonObject;
  /** What each side is, e.g. "CA001 in Contoso" and "CA001 in the backup". */
  beforeLabel: string;
  afterLabel: string;
  names?: NameDirectory;
  view: DiffView;
  onViewChange(view: DiffView): void;
  /** CSS height of the diff editor. */
  height?: string;
  /** The two sides are two tenants: same-named objects are each tenant's own. */
  acrossTenants?: boolean;
  /**
   * The level of the count's heading: one below the heading the diff sits under (a dialog's title
   * is an h2, so 3 there; 2 on a page whose h1 is the only heading above it).
   */
  headingLevel: 2 | 3 | 4;
}

export function PolicyDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
  names,
  view,
  onViewChange,
  height = 'calc(100vh - 340px)',
  acrossTenants = false,
  headingLevel,
}: PolicyDiffProps) {
  const styles = useStyles();
  const { dark } = useTheme();
  const inline = useInlineDiff(view);
  const [reveal, setReveal] = useState<DiffReveal | null>(null);
  const options = useMemo(() => (view.noise ? {} : { hideEmpty: true, sortIds: true }), [view.noise]);
  const texts = useMemo(
    () => ({ before: comparableText(before, options), after: comparableText(after, options) }),
    [before, after, options],
  );
  // The words hide what the diff text hides, so the two never disagree about a difference.
  const changes = useMemo(
    () => describeChanges(before, after, names, { ...options, acrossTenants, sayEmptyLists: view.noise }),
    [before, after, names, options, acrossTenants, view.noise],
  );
  const describeId = useCallback((id: string) => describeIdIn(names, id), [names]);
  const count = changes.length === 0 ? 'No differences' : changes.length === 1 ? '1 difference' : `${changes.length} differences`;
  // Said when the diff opens (its policy was chosen from a list that keeps the focus) and when a switch
  // changes the count: the status is put in the page empty and filled a moment later, or it would not be read.
  const [said, setSaid] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSaid(count), 100);
    return () => clearTimeout(timer);
  }, [count]);

  const show = (path: string, sentence: string) => {
    const segments = path.split('.');
    const inAfter = locateExactly(texts.after, segments);
    const found = inAfter
      ? { side: 'modified' as const, ...inAfter }
      : { side: 'original' as const, ...(locateExactly(texts.before, segments) ?? { start: 0, end: 1 }) };
    setReveal((previous) => ({ ...found, nonce: (previous?.nonce ?? 0) + 1 }));
    // The focus stays on the sentence; where its lines are is said, and the diff's cursor is on them.
    const text = found.side === 'modified' ? texts.after : texts.before;
    const line = text.slice(0, found.start).split('\n').length;
    setSaid(`${sentence}: line ${line} of ${found.side === 'modified' ? afterLabel : beforeLabel}`);
  };

  return (
    <div className={styles.root}>
      <div className={styles.switches}>
        <Switch label="Inline" checked={inline} onChange={(_, data) => onViewChange({ ...view, inline: data.checked })} />
        <Switch
          label="Hide nulls, empty lists and id order"
          checked={!view.noise}
          onChange={(_, data) => onViewChange({ ...view, noise: !data.checked })}
        />
        <Switch label="Names beside ids" checked={view.names} onChange={(_, data) => onViewChange({ ...view, names: data.checked })} />
      </div>
      <div className={styles.layout}>
        <section aria-label="Differences in words" className={styles.words}>
          <Text as={`h${headingLevel}` as const} weight="semibold" size={400}>
            {count}
          </Text>
          <SpokenStatus>{said}</SpokenStatus>
          <ul className={styles.sentences} aria-label="Differences">
            {changes.map((change) => (
              <li key={change.path}>
                <Link
                  as="button"
                  className={styles.sentence}
                  appearance="subtle"
                  onClick={() => show(change.path, change.text)}
                  title="Show in the diff"
                >
                  {change.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <div className={styles.diff} style={{ ['--diff-height' as string]: height }}>
          <Suspense
            fallback={
              <Skeleton aria-label="Loading the diff">
                <SkeletonItem size={128} />
              </Skeleton>
            }
          >
            <LazyDiffViewer
              original={texts.before}
              modified={texts.after}
              dark={dark}
              inline={inline}
              ariaLabel={
                inline
                  ? `${beforeLabel} (removed lines) compared with ${afterLabel} (added lines)`
                  : `${beforeLabel} (left) compared with ${afterLabel} (right)`
              }
              describeId={view.names ? describeId : undefined}
              reveal={reveal}
            />
          </Suspense>
        </div>
      </div>
    </div>
  );
}

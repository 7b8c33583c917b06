// The editing surface shared by editing and creating: the JSON in Monaco (schema, the checks as
// markers, read-only properties greyed, names beside ids) beside the state switch, the checks and
// the live summary. Both views edit the same text, so Ctrl+Z undoes either; Ctrl+S opens the review.
import { Link, makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { applyEdits, modify } from 'jsonc-parser';
import { Suspense, useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { LockoutRisk } from '../../domain/lockout';
import type { NameDirectory } from '../../domain/references';
import { POLICY_SCHEMA_URI, READ_ONLY_PROPERTIES, conditionalAccessPolicySchema } from '../../domain/policy-schema';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { LazyJsonEditor, type EditorMarker } from '../../shared/monaco';
import { useTheme } from '../../shared/theme';
import { AssignmentPickers } from './assignment-pickers';
import { EditorSidePanel } from './editor-side-panel';
import { describeIdIn } from '../../policy-ui/describe-id';
import { locate } from '../../domain/json-locations';
import type { DraftState } from './use-draft';
import { useLintMarkers } from './use-lint-markers';
import { isSaveKey, MAC, SAVE_KEYS } from './save-shortcut';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(min(100%, 320px), 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    // Narrow, the JSON keeps the full width and the pickers and checks follow below it.
    '@media (max-width: 1023px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  editor: { height: 'calc(100vh - 320px)', minHeight: '480px' },
  // Before the JSON, so the keyboard and a screen reader meet the ways past it first.
  keys: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

// Monaco keeps Tab for indenting (JSON needs it): a keyboard user needs its way out said where they
// are, on screen and in the editor's name, which a screen reader reads on entering it.
const TAB_KEYS = MAC ? 'Ctrl+Shift+M' : 'Ctrl+M';
const TAB_HINT = `In the JSON, Tab indents. To leave it with Tab, press ${TAB_KEYS} first (again to indent).`;
// The page's review button is before the JSON, which the keyboard cannot Tab back through: from the
// JSON or the side panel, the save shortcut opens the review instead of the browser's Save page (the edit
// and new-policy pages also take it anywhere else on the page).
const SAVE_HINT = `${SAVE_KEYS} opens the review.`;

/** "The lint also marks 1 warning and 1 suggestion in the JSON…", or nothing when it marks nothing. */
function lintNoteOf(markers: readonly EditorMarker[]): string | null {
  if (markers.length === 0) return null;
  const count = (severity: EditorMarker['severity'], word: string) => {
    const n = markers.filter((m) => m.severity === severity).length;
    return n ? [`${n} ${word}${n === 1 ? '' : 's'}`] : [];
  };
  const parts = [...count('error', 'error'), ...count('warning', 'warning'), ...count('info', 'suggestion')];
  return `The lint also marks ${parts.join(' and ')} in the JSON (hover the underlined text); the Lint page lists the whole tenant’s.`;
}

const SCHEMAS = [{ uri: POLICY_SCHEMA_URI, fileMatch: ['*.policy.json'], schema: conditionalAccessPolicySchema }];

export interface GraphFinding {
  /** The text the finding was made on: it is shown until the text changes. */
  text: string;
  path: string[];
  code: string;
  message: string;
}

export function PolicyWorkbench({
  draft,
  modelName,
  label,
  graphFinding,
  names,
  risks,
  onReview,
}: {
  draft: DraftState;
  /** A stable name for the editor model (schemas apply to *.policy.json). */
  modelName: string;
  label: string;
  graphFinding?: GraphFinding | null;
  /** Names for the draft's ids, resolved by the page (which may need more of them). */
  names: NameDirectory | undefined;
  /** Who the change could lock out (the lock-out guard's new risks), shown among the checks. */
  risks?: LockoutRisk[];
  /**
   * What the page's review button does (Ctrl+S from the JSON or the side panel); when the review
   * cannot open yet, the page focuses that button instead, and its tooltip says why.
   */
  onReview: () => void;
}) {
  const styles = useStyles();
  const { dark } = useTheme();
  const sidePanelId = useId();
  // Captured, so Monaco (which has no save) and the browser never see it.
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (!isSaveKey(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onReview();
  };
  const describeId = useCallback((id: string) => describeIdIn(names, id), [names]);

  const [editorShown, setEditorShown] = useState(false);
  const onEditorShown = useCallback(() => setEditorShown(true), []);
  const lint = useLintMarkers(draft, editorShown);
  const markers = useMemo<EditorMarker[]>(
    () => [
      ...lint.markers,
      ...draft.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => ({ ...locate(draft.text, f.path), severity: f.severity, message: f.message, code: f.code })),
      ...(graphFinding && graphFinding.text === draft.text
        ? [{ ...locate(draft.text, graphFinding.path), severity: 'error' as const, message: graphFinding.message, code: graphFinding.code }]
        : []),
    ],
    [draft.findings, draft.text, graphFinding, lint.markers],
  );
  const dimmed = useMemo(
    () => (draft.policy ? READ_ONLY_PROPERTIES.filter((key) => key in draft.policy!).map((key) => locate(draft.text, [key])) : []),
    [draft.policy, draft.text],
  );

  const setState = (state: string) => {
    const edits = modify(draft.text, ['state'], state, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    draft.setText(applyEdits(draft.text, edits));
  };

  return (
    <div className={styles.layout} onKeyDownCapture={onKeyDownCapture}>
      <div>
        <div className={styles.keys}>
          {/* A skip link as a button: a #fragment would be a navigation, and the focus must land in the panel. */}
          <Link as="button" onClick={() => document.getElementById(sidePanelId)?.focus()}>
            Skip the JSON, to the state, lists and checks
          </Link>
          <Text size={200} className={styles.hint}>
            {TAB_HINT} {SAVE_HINT}
          </Text>
        </div>
        <div className={styles.editor}>
          <Suspense
            fallback={
              <Skeleton aria-label="Loading the JSON editor">
                <SkeletonItem size={128} />
              </Skeleton>
            }
          >
            <LazyJsonEditor
              value={draft.text}
              onChange={draft.setText}
              path={`${modelName}.policy.json`}
              schemas={SCHEMAS}
              markers={markers}
              dimmed={dimmed}
              dark={dark}
              ariaLabel={`${label}. ${TAB_HINT} ${SAVE_HINT}`}
              describeId={describeId}
              onShown={onEditorShown}
            />
          </Suspense>
        </div>
      </div>
      <EditorSidePanel
        id={sidePanelId}
        policy={draft.policy as ConditionalAccessPolicy | null}
        parseError={draft.parseError}
        findings={draft.findings}
        names={names}
        onStateChange={setState}
        lintNote={lintNoteOf(lint.markers)}
        lintProgress={lint.progress}
        risks={risks}
        pickers={<AssignmentPickers policy={draft.policy} text={draft.text} names={names} onChange={draft.setText} />}
      />
    </div>
  );
}

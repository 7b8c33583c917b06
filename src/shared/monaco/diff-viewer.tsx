// A read-only diff of two JSON texts, side by side or inline: unchanged stretches fold away (shown once
// folded, on the first change), ids can carry their names, and the caller can bring a range into view.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { nameDecorations, useAnnotationStyles, type IdDescription } from './id-names';
import { monaco, themeName } from './setup';

const useStyles = makeStyles({
  host: {
    height: '100%',
    minHeight: '360px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
});

export interface DiffReveal {
  side: 'original' | 'modified';
  /** Character offsets in that side's text. */
  start: number;
  end: number;
  /** Changes on every request, so revealing the same range twice scrolls twice. */
  nonce: number;
}

export interface DiffViewerProps {
  original: string;
  modified: string;
  dark: boolean;
  ariaLabel: string;
  inline?: boolean;
  /** When given, ids are annotated with what they are. */
  describeId?: (id: string) => IdDescription | undefined;
  reveal?: DiffReveal | null;
}

export default function DiffViewer({ original, modified, dark, ariaLabel, inline = false, describeId, reveal }: DiffViewerProps) {
  useAnnotationStyles();
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const diff = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: !inline,
      // The page's Inline switch decides: Monaco would otherwise go inline on its own below 900 px
      // while the switch still said side by side.
      useInlineViewWhenSpaceIsLimited: false,
      // Nothing here can be reverted: no revert arrows, and no gutter menu, whose context keys
      // outlived the editor and threw "AbstractContextKeyService has been disposed" on unmount.
      renderGutterMenu: false,
      renderMarginRevertIcon: false,
      // Only the changes and a little context; unchanged stretches fold away.
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 10 },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel,
      fontSize: 13,
    });
    // Each side is an editor of its own and needs a name of its own (the diff editor's
    // originalAriaLabel and modifiedAriaLabel options do not reach them when it is created).
    editor.getOriginalEditor().updateOptions({ ariaLabel: `${ariaLabel}: left side` });
    editor.getModifiedEditor().updateOptions({ ariaLabel: `${ariaLabel}: right side` });
    const left = monaco.editor.createModel(original, 'json');
    const right = monaco.editor.createModel(modified, 'json');
    // The view model is ours to dispose: the diff editor keeps a reference to one it creates itself
    // and never lets go, so a diff still being computed when the view closes was never cancelled and
    // threw "no diff result available" once its models were gone.
    const viewModel = editor.createViewModel({ original: left, modified: right });
    editor.setModel(viewModel);
    diff.current = editor;
    // Until the worker has computed the diff, the unchanged stretches cannot fold: the whole text would show
    // from line 1 and then jump to the changes. The diff is shown once it opens on its first change.
    const shown = host.current;
    shown.style.visibility = 'hidden';
    let frame = 0;
    const show = () => {
      first.dispose();
      clearTimeout(fallback);
      // The folds are laid out after the diff is known: revealed on the next frame, then shown.
      frame = requestAnimationFrame(() => {
        if (editor.getLineChanges()?.length) editor.revealFirstDiff();
        shown.style.visibility = '';
      });
    };
    const first = editor.onDidUpdateDiff(show);
    // A diff that never comes (a worker that failed) still shows the two texts.
    const fallback = setTimeout(show, 3000);
    return () => {
      first.dispose();
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      shown.style.visibility = '';
      diff.current = null;
      editor.dispose();
      viewModel.dispose();
      left.dispose();
      right.dispose();
    };
  }, [original, modified, ariaLabel, inline]);

  useEffect(() => {
    const editor = diff.current;
    if (!editor) return;
    const sides = [editor.getOriginalEditor(), editor.getModifiedEditor()];
    const collections = sides.map((side) => {
      const model = side.getModel();
      return side.createDecorationsCollection(model && describeId ? nameDecorations(model, describeId) : []);
    });
    return () => collections.forEach((c) => c.clear());
  }, [describeId, original, modified, inline]);

  useEffect(() => {
    const editor = diff.current;
    if (!editor || !reveal) return;
    const highlights: monaco.editor.IEditorDecorationsCollection[] = [];
    const show = (side: monaco.editor.ICodeEditor, first: number, last: number) => {
      const range = new monaco.Range(first, 1, last, side.getModel()?.getLineMaxColumn(last) ?? 1);
      side.revealRangeInCenter(range);
      highlights.push(side.createDecorationsCollection([{ range, options: { isWholeLine: true, className: 'gatehouse-revealed' } }]));
      return range;
    };
    const revealNow = () => {
      const side = reveal.side === 'original' ? editor.getOriginalEditor() : editor.getModifiedEditor();
      const model = side.getModel();
      if (!model) return;
      const first = model.getPositionAt(reveal.start).lineNumber;
      const last = model.getPositionAt(reveal.end).lineNumber;
      // The lines are selected too, not only scrolled to: the keyboard (and a screen reader) that
      // goes into the diff lands on them. The focus stays with the sentence that asked.
      side.setSelection(show(side, first, last));
      // Inline, removed lines are drawn inside the modified editor: scroll that one to where they are.
      if (reveal.side === 'original') {
        const line = toModifiedLine(editor.getLineChanges() ?? [], first);
        const modified = editor.getModifiedEditor();
        show(modified, line, line);
        modified.setPosition({ lineNumber: line, column: 1 });
      }
    };
    // The diff is computed in a worker: before it is known, the lines cannot be mapped.
    const pending = editor.getLineChanges()
      ? (revealNow(), null)
      : editor.onDidUpdateDiff(() => {
          pending?.dispose();
          revealNow();
        });
    const timer = setTimeout(() => highlights.forEach((h) => h.clear()), 2500);
    return () => {
      clearTimeout(timer);
      pending?.dispose();
      highlights.forEach((h) => h.clear());
    };
  }, [reveal]);

  useEffect(() => {
    monaco.editor.setTheme(themeName(dark));
  }, [dark]);
  return <div ref={host} className={styles.host} data-tabster='{"uncontrolled": {}}' data-testid="diff-viewer" />;
}

/** Where a line of the original text is in the modified text, given the diff's line changes. */
function toModifiedLine(changes: readonly monaco.editor.ILineChange[], line: number): number {
  let delta = 0;
  for (const change of changes) {
    const originalLength = change.originalEndLineNumber === 0 ? 0 : change.originalEndLineNumber - change.originalStartLineNumber + 1;
    const modifiedLength = change.modifiedEndLineNumber === 0 ? 0 : change.modifiedEndLineNumber - change.modifiedStartLineNumber + 1;
    if (originalLength > 0 && line >= change.originalStartLineNumber && line <= change.originalEndLineNumber) {
      return modifiedLength > 0 ? change.modifiedStartLineNumber : change.modifiedStartLineNumber + 1;
    }
    const before = originalLength === 0 ? change.originalStartLineNumber < line : change.originalEndLineNumber < line;
    if (before) delta += modifiedLength - originalLength;
  }
  return line + delta;
}

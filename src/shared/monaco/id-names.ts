// Names beside the ids in JSON, so policy text reads like the portal: shared by the editor and the
// diff view. The styles are explicit greys that keep WCAG contrast in both Monaco themes.
import { makeStaticStyles } from '@fluentui/react-components';
import { hoverText } from './markdown';
import { monaco } from './setup';

export interface IdDescription {
  /** What the id is: "group", "user", "named location"… */
  kind: string;
  label: string;
  detail?: string;
  missing?: boolean;
  /** With `missing`: not in this tenant, named by another tenant's file (the label says so). */
  elsewhere?: boolean;
}

export const GUID = /"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"/g;

export const useAnnotationStyles = makeStaticStyles({
  '.monaco-editor.vs .gatehouse-dimmed, .monaco-editor.vs .gatehouse-name': { color: '#5e5e5e !important' },
  '.monaco-editor.vs-dark .gatehouse-dimmed, .monaco-editor.vs-dark .gatehouse-name': { color: '#a8a8a8 !important' },
  '.gatehouse-dimmed': { fontStyle: 'italic' },
  '.gatehouse-name': { fontStyle: 'italic', marginLeft: '0.5em' },
  '.monaco-editor.vs .gatehouse-name-missing': { color: '#a4262c !important' },
  '.monaco-editor.vs-dark .gatehouse-name-missing': { color: '#f1707b !important' },
  '.gatehouse-name-missing': { fontStyle: 'italic', marginLeft: '0.5em' },
  '.monaco-editor.vs .gatehouse-revealed': { backgroundColor: 'rgba(255, 200, 0, 0.35)' },
  '.monaco-editor.vs-dark .gatehouse-revealed': { backgroundColor: 'rgba(255, 200, 0, 0.25)' },
});

/** A decoration after each id the describer knows, drawing its name (or "deleted …"). */
export function nameDecorations(
  model: monaco.editor.ITextModel,
  describeId: (id: string) => IdDescription | undefined,
): monaco.editor.IModelDeltaDecoration[] {
  const found: monaco.editor.IModelDeltaDecoration[] = [];
  for (const match of model.getValue().matchAll(GUID)) {
    const description = describeId(match[1]!);
    if (!description) continue;
    // Injected text is drawn after a range's end: the range is the quoted id itself.
    const start = model.getPositionAt(match.index ?? 0);
    const end = model.getPositionAt((match.index ?? 0) + match[0].length);
    found.push({
      range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
      options: {
        after: {
          content: description.missing && !description.elsewhere ? `deleted ${description.kind}` : description.label,
          inlineClassName: description.missing ? 'gatehouse-name-missing' : 'gatehouse-name',
        },
        hoverMessage: { value: hoverText(description) },
      },
    });
  }
  return found;
}

const sameRange = (a: monaco.IRange, b: monaco.IRange) =>
  a.startLineNumber === b.startLineNumber &&
  a.startColumn === b.startColumn &&
  a.endLineNumber === b.endLineNumber &&
  a.endColumn === b.endColumn;
// What a name decoration draws: its text, its style and its hover (nameDecorations gives one markdown string).
const drawn = (d: monaco.editor.IModelDeltaDecoration) =>
  [d.options.after?.content, d.options.after?.inlineClassName, (d.options.hoverMessage as monaco.IMarkdownString | undefined)?.value].join(
    '\n',
  );

/**
 * Names beside ids in an editor whose text changes at each keystroke. An edit moves the ids it does
 * not touch, and Monaco moves their decorations with them: the names are set again only when an id,
 * where it is or what it reads as changed. Setting them all again made Monaco lay out every line of
 * a policy of 560 users at each keystroke.
 */
export function updateNameDecorations(
  collection: monaco.editor.IEditorDecorationsCollection,
  model: monaco.editor.ITextModel,
  describeId: (id: string) => IdDescription | undefined,
  shown: { current: readonly string[] },
) {
  const next = nameDecorations(model, describeId);
  const ranges = collection.getRanges();
  const unchanged = ranges.length === next.length && next.every((d, i) => sameRange(d.range, ranges[i]!) && drawn(d) === shown.current[i]);
  if (unchanged) return;
  collection.set(next);
  shown.current = next.map(drawn);
}

// An editable JSON editor in Monaco: completion and hover from the schemas it is given, the JSON's
// syntax errors, the caller's markers, dimmed ranges (read-only properties), and outside edits (from
// visual controls) applied as edits, so Ctrl+Z undoes them like typing. The caller's markers are the
// only voice of the schema: Monaco's own schema messages ("Value is not accepted…") are not shown.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { updateNameDecorations, useAnnotationStyles, type IdDescription } from './id-names';
import { jsonDefaults, monaco, themeName } from './setup';

export type { IdDescription } from './id-names';

const useStyles = makeStyles({
  host: {
    height: '100%',
    minHeight: '480px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
});
export interface EditorMarker {
  /** Character offsets in the text. */
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

export interface JsonSchemaRegistration {
  uri: string;
  fileMatch: string[];
  schema: unknown;
}

export interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  /** The model's file name; schemas apply through their fileMatch. */
  path: string;
  schemas: JsonSchemaRegistration[];
  markers: EditorMarker[];
  dimmed: { start: number; end: number }[];
  dark: boolean;
  ariaLabel: string;
  /** Says what an id is, for hovers and the names shown beside ids. */
  describeId?: (id: string) => IdDescription | undefined;
  /** Called once the editor has painted its text (after each new model), so slower extras can wait for it. */
  onShown?: () => void;
}

const severities = { error: 8, warning: 4, info: 2 } as const;

export default function JsonEditor({
  value,
  onChange,
  path,
  schemas,
  markers,
  dimmed,
  dark,
  ariaLabel,
  describeId,
  onShown,
}: JsonEditorProps) {
  useAnnotationStyles();
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const names = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const namesShown = useRef<readonly string[]>([]);
  const marksShown = useRef({ markers: '', dimmed: '' });
  // Texts the editor reported that the page has not rendered back yet. Chromium delivers typing to
  // Monaco as EditContext `textupdate` events, which React renders at default priority, in a later
  // task: a fast typist's next letters are in the model before that render. Its value is then an
  // echo, not an edit from outside, and writing it back would drop what was typed since.
  const echoes = useRef<string[]>([]);
  const onChangeRef = useRef(onChange);
  const onShownRef = useRef(onShown);
  useEffect(() => {
    onChangeRef.current = onChange;
    onShownRef.current = onShown;
  }, [onChange, onShown]);

  useEffect(() => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      schemas,
      schemaValidation: 'ignore',
    });
  }, [schemas]);

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`file:///${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'json', uri);
    const instance = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      ariaLabel,
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
    names.current = instance.createDecorationsCollection();
    // A new model shows no marks yet.
    marksShown.current = { markers: '', dimmed: '' };
    namesShown.current = [];
    const subscription = model.onDidChangeContent(() => {
      const text = model.getValue();
      echoes.current.push(text);
      if (echoes.current.length > 200) echoes.current.shift();
      onChangeRef.current(text);
    });
    // The frame after the one that lays the editor out has painted it.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => onShownRef.current?.());
    });
    return () => {
      cancelAnimationFrame(frame);
      subscription.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
    // The editor is created once per path; value changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, ariaLabel]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    if (model.getValue() === value) {
      echoes.current = [];
      return;
    }
    if (echoes.current.includes(value)) return;
    instance.pushUndoStop();
    instance.executeEdits('gatehouse', [{ range: model.getFullModelRange(), text: value }]);
    instance.pushUndoStop();
  }, [value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const range = (start: number, end: number) => {
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(Math.max(end, start + 1));
      return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
    };
    // Set again only when they moved or changed: each set makes Monaco draw every line in view
    // again, at each keystroke; marks an edit did not reach stay where they are.
    const markerData = markers.map(
      (m) =>
        ({
          ...range(m.start, m.end).toJSON(),
          severity: severities[m.severity],
          message: m.message,
          code: m.code,
          source: 'Gatehouse',
        }) as monaco.editor.IMarkerData,
    );
    const markersJson = JSON.stringify(markerData);
    if (markersJson !== marksShown.current.markers) monaco.editor.setModelMarkers(model, 'gatehouse', markerData);
    const dimmedRanges = dimmed.map((d) => range(d.start, d.end));
    const dimmedJson = JSON.stringify(dimmedRanges);
    if (dimmedJson !== marksShown.current.dimmed)
      decorations.current?.set(
        dimmedRanges.map((r) => ({
          range: r,
          options: { inlineClassName: 'gatehouse-dimmed', hoverMessage: { value: 'Set by the service: left out when saving.' } },
        })),
      );
    marksShown.current = { markers: markersJson, dimmed: dimmedJson };
  }, [markers, dimmed, value]);

  // Names beside ids, so the JSON reads like the portal.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || !describeId || !names.current) return;
    updateNameDecorations(names.current, model, describeId, namesShown);
  }, [value, describeId]);

  useEffect(() => {
    monaco.editor.setTheme(themeName(dark));
  }, [dark]);

  return <div ref={host} className={styles.host} data-tabster='{"uncontrolled": {}}' data-testid="json-editor" />;
}

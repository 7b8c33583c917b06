// A read-only JSON view in Monaco, with names beside ids like the editor and the diff. Creates the
// editor once, swaps the model's text, disposes on unmount.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { nameDecorations, useAnnotationStyles, type IdDescription } from './id-names';
import { monaco, themeName } from './setup';

const useStyles = makeStyles({
  host: {
    height: '100%',
    minHeight: '420px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
});

export interface JsonViewerProps {
  value: string;
  /** A stable model path, so schemas (matched by fileMatch) can apply. */
  path: string;
  dark: boolean;
  ariaLabel: string;
  /** When given, ids are annotated with what they are (beside them and on hover). */
  describeId?: (id: string) => IdDescription | undefined;
}

export default function JsonViewer({ value, path, dark, ariaLabel, describeId }: JsonViewerProps) {
  useAnnotationStyles();
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`gatehouse://${path}`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel('', 'json', uri);
    editor.current = monaco.editor.create(host.current, {
      model,
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      folding: true,
      ariaLabel,
      fontSize: 13,
    });
    return () => {
      editor.current?.dispose();
      model.dispose();
      editor.current = null;
    };
  }, [path, ariaLabel]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
    // ariaLabel: a new name makes a new editor, which needs the text again.
  }, [value, path, ariaLabel]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model || !describeId) return;
    const names = instance.createDecorationsCollection(nameDecorations(model, describeId));
    return () => names.clear();
  }, [value, path, ariaLabel, describeId]);

  useEffect(() => {
    monaco.editor.setTheme(themeName(dark));
  }, [dark]);

  // Fluent's focus manager must not steal keys from the editor.
  return <div ref={host} className={styles.host} data-tabster='{"uncontrolled": {}}' data-testid="json-viewer" />;
}

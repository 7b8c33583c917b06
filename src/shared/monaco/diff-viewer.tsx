// A read-only diff of two JSON texts, side by side (or inline on narrow screens).
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { monaco } from './setup';

const useStyles = makeStyles({
  host: { height: '100%', minHeight: '360px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
});

export interface DiffViewerProps {
  original: string;
  modified: string;
  dark: boolean;
  ariaLabel: string;
  inline?: boolean;
}

export default function DiffViewer({ original, modified, dark, ariaLabel, inline = false }: DiffViewerProps) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: !inline,
      // Only the changes and a little context; unchanged stretches fold away.
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 10 },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel,
      fontSize: 13,
    });
    const left = monaco.editor.createModel(original, 'json');
    const right = monaco.editor.createModel(modified, 'json');
    diff.setModel({ original: left, modified: right });
    return () => {
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, [original, modified, ariaLabel, inline]);
  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);
  return <div ref={host} className={styles.host} data-tabster='{"uncontrolled": {}}' data-testid="diff-viewer" />;
}

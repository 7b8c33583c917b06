// One policy: its page, with the policy's change history as the History tab. Once the page is up
// and the browser idle, the editor's own code is fetched (Monaco itself is prefetched by the page),
// so Edit opens without waiting for the network.
import { useEffect } from 'react';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { PolicyHistory } from '../../features/history/policy-history';
import { PolicyPage } from '../../features/policy-page/policy-page';
import { whenIdle } from '../../shared/idle';

const history = (policy: ConditionalAccessPolicy) => <PolicyHistory policy={policy} />;

let editorPageRequested = false;

function usePreloadEditorPage() {
  useEffect(() => {
    if (editorPageRequested) return;
    const load = () => {
      editorPageRequested = true;
      // A failed load is tried again when Edit is chosen.
      import('../../features/editor/policy-editor-page').catch(() => (editorPageRequested = false));
    };
    return whenIdle(load, { timeout: 3000, fallbackMs: 1000 });
  }, []);
}

export function PolicyRoute() {
  usePreloadEditorPage();
  return <PolicyPage history={history} />;
}

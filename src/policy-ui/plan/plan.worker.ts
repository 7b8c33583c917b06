// Makes a plan off the page's main thread: an import of thousands of policies (a tool's dump) took
// seconds to plan, and every choice (a policy left out of 9,000) froze the page for as long. The
// import is sent once and kept here; each choice sends only the target and the choices.
import { buildPlan } from '../../domain/plan/build-plan';
import type { ImportSet } from '../../domain/import/import-set';
import type { PlanChoices, PlanTarget } from '../../domain/plan/types';

export type PlanRequest = { kind: 'source'; source: ImportSet } | { kind: 'plan'; id: number; target: PlanTarget; choices: PlanChoices };

let source: ImportSet | null = null;

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const request = event.data;
  if (request.kind === 'source') {
    source = request.source;
    return;
  }
  try {
    if (!source) throw new Error('no import to plan');
    self.postMessage({ id: request.id, ok: true, plan: buildPlan(source, request.target, request.choices) });
  } catch (error) {
    self.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

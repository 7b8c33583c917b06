// Stands in for monaco-editor's internal/common/workers.js, which Monaco's JSON language imports to
// start its worker (vite.config.ts points that import here). That module also imports every editor
// feature for its side effects, which put all of them back into the JSON language's chunk, however
// few setup.ts registers. This is the same function without them: the worker comes from
// MonacoEnvironment.getWorker (setup.ts), and Monaco's public createWebWorker talks to it.
import { editor } from 'monaco-editor/editor';

interface LanguageWorkerOptions {
  moduleId: string;
  label?: string;
  createWorker?: () => Worker;
  /** Handed to the worker's create(): the language's settings. */
  createData: unknown;
  host?: editor.IInternalWebWorkerOptions['host'];
  keepIdleModels?: boolean;
}

export function createWebWorker<T extends object>(opts: LanguageWorkerOptions): editor.MonacoWebWorker<T> {
  const label = opts.label ?? 'monaco-editor-worker';
  const environment = window.MonacoEnvironment;
  const created = environment ? environment.getWorker('workerMain.js', label) : opts.createWorker?.();
  if (!created) throw new Error('MonacoEnvironment.getWorker is not defined');
  const worker = Promise.resolve(created).then((w) => {
    // The worker's bootstrap takes a first message to start, then the language's settings.
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}

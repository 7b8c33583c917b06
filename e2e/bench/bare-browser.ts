// Debian's Chromium driven over its DevTools protocol with nothing switched on but what a load
// needs: no Network domain. Playwright enables DevTools' network agent in every page it drives,
// and that agent copies and decodes each answer on the page's thread (about 10–25 ms for the
// 0.8 MB of names at the service's limit), work no user's browser does. The names' figures are
// read here; everything else the benchmark measures stays under Playwright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable, Readable } from 'node:stream';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './env';

interface Reply {
  id?: number;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export interface BarePage {
  /** Navigates and returns once the navigation is committed (not loaded). */
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page (awaiting a promise it gives) and returns its value as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` every 50 ms until it is truthy, and returns its value. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
}

export interface BareBrowser {
  /** A new tab, 1400×900, with `initScript` run in every document before the page's own scripts. */
  newPage(initScript: string): Promise<BarePage>;
  close(): Promise<void>;
}

export async function launchBare(): Promise<BareBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      // What the benchmark's Playwright browser runs with, and Playwright's own defaults that change how a page is
      // scheduled and painted: the two browsers differ in DevTools' network agent, not in these.
      ...CHROMIUM_ARGS,
      '--no-default-browser-check',
      '--disable-field-trial-config',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--disable-back-forward-cache',
      '--disable-ipc-flooding-protection',
      '--disable-hang-monitor',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--disable-features=PaintHolding,ThirdPartyStoragePartitioning,OptimizationHints',
      '--allow-pre-commit-input',
      '--force-color-profile=srgb',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let gone: Error | null = null;
  // Chromium gone (crashed, never started, closed): every call waiting and every later one fails, none hangs.
  const lost = (why: string) => {
    gone ??= new Error(`Chromium (bare) ${why}`);
    for (const waiter of waiting.values()) waiter.reject(gone);
    waiting.clear();
  };
  child.on('error', (error) => lost(`could not run: ${error.message}`));
  child.on('exit', (code, signal) => lost(`exited (${signal ?? code})`));
  input.on('error', () => lost('closed its pipe'));
  output.on('close', () => lost('closed its pipe'));
  let nextId = 1;
  let buffered = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let reply: Reply;
      try {
        reply = JSON.parse(text) as Reply;
      } catch {
        continue;
      }
      const waiter = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!waiter) continue;
      waiting.delete(reply.id!);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result);
    }
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await send('Browser.close').catch(() => {});
      // Asked to close; killed if it has not within a few seconds.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await send('Browser.getVersion');
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    async newPage(initScript) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const on = <T>(method: string, params: object = {}) => send<T>(method, params, sessionId);
      // The Page domain runs scripts in new documents only once enabled; it adds no network agent.
      await on('Page.enable');
      await on('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
      await on('Emulation.setDeviceMetricsOverride', { width: 1400, height: 900, deviceScaleFactor: 1, mobile: false });
      const evaluate = async <T>(expression: string) => {
        const answer = await on<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
          expression,
          awaitPromise: true,
          returnByValue: true,
        });
        if (answer.exceptionDetails) throw new Error(`In the page: ${answer.exceptionDetails.text} (${expression.slice(0, 80)})`);
        return answer.result.value;
      };
      return {
        async goto(url) {
          const { errorText } = await on<{ errorText?: string }>('Page.navigate', { url });
          if (errorText) throw new Error(`Navigating to ${url}: ${errorText}`);
        },
        evaluate,
        async waitFor<T>(expression: string, timeoutMs = 30_000) {
          const until = Date.now() + timeoutMs;
          for (;;) {
            // A navigation under way destroys the context an evaluation runs in: asked again.
            const value = await evaluate<T>(expression).catch(() => undefined);
            if (value) return value;
            if (Date.now() > until) throw new Error(`Timed out waiting for ${expression.slice(0, 80)}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        },
      };
    },
    close: stop,
  };
}

// Bootstrap: read the configuration, then either start the in-browser Graph emulator (the demo)
// or initialise MSAL for a real tenant, then render. The app's code downloads while that happens;
// the emulator and MSAL are each loaded only when used.
import type { DemoControls } from './app/shell/account-menu';
import type { AuthSession } from './auth/session';
import { ConfigError, loadConfig } from './shared/config';

async function start() {
  const element = document.getElementById('root')!;
  const rendering = import('./app/render');
  try {
    const config = await loadConfig();
    let session: AuthSession;
    let demo: DemoControls | undefined;
    let returnPath: string | null = null;
    if (config.mode === 'demo') {
      if (import.meta.env.VITE_DEMO === 'off') throw new ConfigError('This build has no demo: set clientId in config.json.');
      const [{ startDemo }, { createDemoSession }] = await Promise.all([
        import('./emulator/browser/start-demo'),
        import('./auth/demo-session'),
      ]);
      demo = await startDemo(config.graphBaseUrl);
      session = createDemoSession(demo);
    } else {
      const { createMsalSession } = await import('./auth/msal-session');
      const msal = await createMsalSession(config);
      session = msal;
      returnPath = msal.returnPath;
    }
    // Already signed in (a cached account, or back from the sign-in redirect): fetch the console
    // now, while the rendering code may still be arriving, instead of after the first render.
    if (session.getSnapshot().active) void import('./app/signed-in-app');
    (await rendering).renderApp(element, { config, session, demo, returnPath });
  } catch (error) {
    (await rendering).renderStartupError(element, error instanceof Error ? error.message : String(error));
  }
}

void start();

// Rendering entry points, loaded by main.tsx in parallel with configuration and sign-in start-up.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, type AppProps } from './app';

let root: Root | null = null;
const rootOf = (element: HTMLElement) => (root ??= createRoot(element));

export function renderApp(element: HTMLElement, props: AppProps) {
  rootOf(element).render(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
}

export function renderStartupError(element: HTMLElement, message: string) {
  rootOf(element).render(
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '10vh auto', padding: 24 }}>
      <h1>Gatehouse could not start</h1>
      <p role="alert">{message}</p>
      <p>Check public/config.json (see “Use it with your tenant” in the README), then reload.</p>
    </main>,
  );
}

// Light and dark themes: follows the system unless the admin picks one; the choice is remembered.
import { AriaLiveAnnouncer, FluentProvider, makeStaticStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'gatehouse.theme';

interface ThemeState {
  preference: ThemePreference;
  dark: boolean;
  setPreference(preference: ThemePreference): void;
}

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const ThemeContext = createContext<ThemeState>({ preference: 'system', dark: false, setPreference: () => {} });

const PREFERENCES: readonly string[] = ['system', 'light', 'dark'];

// A browser that blocks storage throws on any access (SecurityError) and a full one on a write: the
// theme then follows the system or the choice lasts this session, never a blank page.
function storedPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored && PREFERENCES.includes(stored) ? (stored as ThemePreference) : 'system';
  } catch {
    return 'system';
  }
}

function keepPreference(preference: ThemePreference) {
  try {
    localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not kept: in use until the page is closed.
  }
}

function systemDark() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const [preference, setPreference] = useState<ThemePreference>(storedPreference);
  const [system, setSystem] = useState(systemDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const listener = () => setSystem(query.matches);
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }, []);
  const dark = preference === 'dark' || (preference === 'system' && system);
  const state = useMemo(
    () => ({
      preference,
      dark,
      setPreference(next: ThemePreference) {
        keepPreference(next);
        setPreference(next);
      },
    }),
    [preference, dark],
  );
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return (
    <ThemeContext value={state}>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
        {/* Fluent's message bars say themselves through this (aria-notify, or a live region where the
            browser has none): without it "Saved.", "Restored." and every warning appear unheard. */}
        <AriaLiveAnnouncer>{children}</AriaLiveAnnouncer>
      </FluentProvider>
    </ThemeContext>
  );
}

export const useTheme = () => use(ThemeContext);

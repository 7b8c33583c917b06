// A failed load: what went wrong in words, Graph's code and request-id (for support), and a retry.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { createContext, use, useLayoutEffect, useRef } from 'react';
import { AnnouncedElsewhere } from './announced-elsewhere';

const useStyles = makeStyles({
  meta: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface ErrorStateProps {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  /** Graph's HTTP status: a 401 offers signing in again. */
  status?: number;
  onRetry?: () => void;
}

/** Signs the admin in again (the app provides it): what a refused sign-in (401) offers beside Try again. */
export const SignInAgainContext = createContext<(() => void) | null>(null);

const SCOPES = 'section, [role="region"], [role="dialog"], main';

/** The heading of the nearest section, dialog or page around the element that has one. */
function headingAround(element: Element): HTMLElement | null {
  for (let scope = element.parentElement?.closest(SCOPES); scope; scope = scope.parentElement?.closest(SCOPES)) {
    const heading = scope.querySelector<HTMLElement>('h1, h2, h3, h4');
    if (heading) return heading;
    if (scope.matches('[role="dialog"], main')) return null;
  }
  return outerHeading(element);
}

/** The heading of the dialog or page the element is in. */
function outerHeading(element: Element): HTMLElement | null {
  return (element.closest('[role="dialog"], main') ?? document.body).querySelector<HTMLElement>('h1, h2');
}

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/**
 * Try again usually takes the failure (and its button) away while Graph is asked again: the focus would
 * fall to the page's start, and a keyboard user would have to find their place again. It goes to the
 * heading of the section, dialog or page it was in instead.
 */
function useFocusKeptOnLeaving() {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = root.current;
    return () => {
      // Run before the bar leaves the page, while the focus may still be in it.
      if (!element?.contains(document.activeElement)) return;
      const heading = headingAround(element);
      const outer = outerHeading(element);
      if (!heading) return;
      focusHeading(heading);
      // A section shown only with its failure leaves with it: then the dialog's or page's heading.
      queueMicrotask(() => {
        if (!heading.isConnected && outer?.isConnected) focusHeading(outer);
      });
    };
  }, []);
  return root;
}

export function ErrorState({ title, message, code, requestId, status, onRetry }: ErrorStateProps) {
  const styles = useStyles();
  const root = useFocusKeptOnLeaving();
  const signInAgain = use(SignInAgainContext);
  const offerSignIn = status === 401 && signInAgain !== null;
  return (
    <AnnouncedElsewhere>
      <MessageBar ref={root} intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
          {(code || requestId) && (
            <span className={styles.meta}>
              {code && <>Code: {code}</>}
              {code && requestId && ' · '}
              {requestId && <>Request ID: {requestId}</>}
            </span>
          )}
        </MessageBarBody>
        {(onRetry || offerSignIn) && (
          <MessageBarActions>
            {offerSignIn && (
              <Button appearance="primary" icon={<PersonKeyRegular />} onClick={signInAgain}>
                Sign in again
              </Button>
            )}
            {onRetry && (
              <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
                Try again
              </Button>
            )}
          </MessageBarActions>
        )}
      </MessageBar>
    </AnnouncedElsewhere>
  );
}

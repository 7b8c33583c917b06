// A part of a screen loaded on its own (a notice above the list, fetched only when needed): if its code
// cannot be fetched (a new deploy replaced it, the network dropped) or it fails, the screen around it stays
// and says so, instead of the whole route giving way to its error page.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';

interface Props {
  /** What the part is, for the words said in its place ("What changed in watched policies"). */
  what: string;
  /** Said instead of the generic words, when the part has a better stand-in. */
  fallback?: ReactNode;
  children: ReactNode;
}

export class OptionalPart extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return <Suspense fallback={null}>{this.props.children}</Suspense>;
    return (
      this.props.fallback ?? (
        <MessageBar intent="warning">
          <MessageBarBody>{this.props.what} could not be loaded. Reload the page to try again.</MessageBarBody>
        </MessageBar>
      )
    );
  }
}

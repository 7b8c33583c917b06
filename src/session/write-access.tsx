// Whether the active account can change policies, known before the click: from its sign-in's role
// claims (src/auth), or from Graph refusing one of its writes with 403. Write actions read this to
// be disabled with the reason; an account whose token names no role keeps them until Graph says no.
import { Tooltip, useId } from '@fluentui/react-components';
import { cloneElement, isValidElement, useState, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { writeAccessFromClaims } from '../auth';
import { useTenantSession } from './tenant-session';
import { subscribeToRefusals, wasWriteRefused } from './write-refusals';

// The roles of WRITER_ROLES (src/auth), as an admin reads them.
const WRITE_ROLES_SENTENCE =
  'Changing Conditional Access policies needs the Conditional Access Administrator or Security Administrator role (or Global Administrator).';

export interface WriteAccess {
  allowed: boolean;
  /** Why not, in a sentence that names the roles that can write; null when allowed. */
  reason: string | null;
}

export function useWriteAccess(): WriteAccess {
  const { account } = useTenantSession();
  const wasRefused = useSyncExternalStore(subscribeToRefusals, () => wasWriteRefused(account.key));
  if (wasRefused) {
    return {
      allowed: false,
      reason: `Microsoft Graph refused a change for this account. ${WRITE_ROLES_SENTENCE} Reload after activating one.`,
    };
  }
  if (writeAccessFromClaims(account.roleClaims) === 'no') {
    return {
      allowed: false,
      reason: `This account can read but not change policies. ${WRITE_ROLES_SENTENCE} If you have just activated one, sign out and sign in again.`,
    };
  }
  return { allowed: true, reason: null };
}

/**
 * Wraps a write action's button: when writing is not allowed, hovering or focusing it shows why, and
 * the reason joins the button's own description. Fluent's description tooltip would lose to an
 * aria-describedby the button already has (such as why a gate is closed), so the reason is kept in
 * a hidden element of its own and the two ids are joined. The tree is the same either way: a refusal
 * learnt while the button has the focus (Graph's first 403) must not remount it and drop the focus.
 */
export function WriteAccessTooltip({ access, children }: { access: WriteAccess; children: ReactElement }) {
  const reasonId = useId('write-access-reason');
  const [shown, setShown] = useState(false);
  const reason = access.allowed ? null : access.reason;
  return (
    <>
      <Tooltip
        content={reason ?? ''}
        relationship="inaccessible"
        withArrow
        visible={shown && !!reason}
        onVisibleChange={(_, data) => setShown(!!reason && data.visible)}
      >
        {reason ? describedAlsoBy(children, reasonId) : children}
      </Tooltip>
      <span id={reasonId} hidden>
        {reason}
      </span>
    </>
  );
}

type Described = { 'aria-describedby'?: string; children?: ReactNode };

/** Adds an id to the description of the element a trigger stands for: through Fluent's trigger wrappers
 * (a DialogTrigger around the button), as Fluent itself finds the element to give its trigger props. */
function describedAlsoBy(element: ReactElement, id: string): ReactElement {
  const el = element as ReactElement<Described>;
  const isTriggerWrapper = Boolean((el.type as { isFluentTriggerComponent?: boolean }).isFluentTriggerComponent);
  if (isTriggerWrapper && isValidElement(el.props.children)) {
    return cloneElement(el, undefined, describedAlsoBy(el.props.children, id));
  }
  const own = el.props['aria-describedby'];
  return cloneElement(el, { 'aria-describedby': own ? `${id} ${own}` : id });
}

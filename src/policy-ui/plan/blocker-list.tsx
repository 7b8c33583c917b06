// What blocks applying a plan, as an error summary: each entry a link to the choice on its row (the planner says
// which row lifts it), its own Tab stop, the focus moved there; the choice says the problem again as its
// description. What no row lifts (the policy limit) is plain text. An oversized import may block on thousands of
// rows: the list names the first, and says how many more each row says itself. Each entry says after it what to
// do here about it (the problem's own words say what Graph or the tenant would make of it).
import { Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { nextStep } from '../../domain/plan/plan-words';
import type { PlanProblem } from '../../domain/plan/types';

const useStyles = makeStyles({
  blockers: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Target = NonNullable<PlanProblem['at']>;

export interface BlockerListProps {
  /** The list's id (Go to what blocks applying focuses it); each entry is `${id}-${i}`, for Apply's description. */
  id: string;
  /** The blockers listed. */
  blockers: readonly PlanProblem[];
  /** How many block in all. */
  total: number;
  /** The id of a row's choice in its table. */
  anchorId(table: Target['table']): (rowKey: string) => string;
  /** Moves the focus to the row's choice (or its table's heading, the row not drawn now). */
  onGo(target: Target): void;
}

export function BlockerList({ id, blockers, total, anchorId, onGo }: BlockerListProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not ready to apply</MessageBarTitle>
        <ul id={id} className={styles.blockers} aria-label="What blocks applying" tabIndex={-1}>
          {blockers.map((b, i) => {
            const target = b.at;
            return (
              <li key={`${target?.key ?? ''}|${b.confirmKey ?? b.text}`} id={`${id}-${i}`}>
                {target ? (
                  <Link
                    inline
                    href={`#${anchorId(target.table)(target.key)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onGo(target);
                    }}
                  >
                    {b.text}
                  </Link>
                ) : (
                  b.text
                )}
                {nextStep(b) ? ` What to do: ${nextStep(b)}` : null}
              </li>
            );
          })}
          {total > blockers.length ? <li>and {(total - blockers.length).toLocaleString('en-US')} more, each said on its row</li> : null}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

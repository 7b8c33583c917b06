// One saved scenario's outcome, change and expectation cells in the suite's table.
import { Badge, TableCell, Text } from '@fluentui/react-components';
import type { Decision, Scenario } from '../../domain/evaluation/scenario';
import type { SuiteResult } from '../../domain/evaluation/scenario-suite';
import { uncertaintyInWords } from '../../domain/evaluation/scenario-words';
import { names, PartsView } from './decision-words';

const DECISION_WORDS: Record<Decision, string> = { block: 'Blocked', controls: 'Asked for a control', allow: 'Allowed' };

/** The outcome, change and expectation cells of one scenario: '…' while it is evaluated, why when it is not run. */
export function OutcomeCells({ scenario, result }: { scenario: Scenario; result: SuiteResult | undefined }) {
  const expected = scenario.expected ? DECISION_WORDS[scenario.expected] : '—';
  if (!result)
    return (
      <>
        <TableCell>…</TableCell>
        <TableCell>…</TableCell>
        <TableCell>{expected}</TableCell>
      </>
    );
  if ('notRun' in result)
    return (
      <>
        <TableCell>
          <Badge appearance="tint" color="warning">
            Not run
          </Badge>
        </TableCell>
        <TableCell>{result.notRun} Open it to correct the address.</TableCell>
        <TableCell>{expected}</TableCell>
      </>
    );
  const { row, after } = result;
  const uncertain = uncertaintyInWords(after);
  return (
    <>
      <TableCell>
        {DECISION_WORDS[row.actual]}
        {uncertain ? <Text size={200}>{` (not certain: ${uncertain})`}</Text> : null}
      </TableCell>
      <TableCell>
        {row.change.kind === 'newlyBlocked' ? (
          // The blocking policies' names isolated (the domain's words hold them as they are).
          <>
            {'Newly blocked ('}
            <PartsView parts={names(after.blockedBy)} />
            {')'}
          </>
        ) : (
          row.change.words
        )}
      </TableCell>
      <TableCell>
        {expected}{' '}
        {row.meetsExpectation === false ? (
          <Badge appearance="filled" color="danger">
            Not met
          </Badge>
        ) : row.expectation === 'cannotTell' ? (
          // The outcome is not certain: a policy that may apply could make it what is expected or not.
          <Badge appearance="tint" color="warning">
            Cannot tell
          </Badge>
        ) : row.meetsExpectation ? (
          <Badge appearance="tint" color="success">
            Met
          </Badge>
        ) : null}
      </TableCell>
    </>
  );
}

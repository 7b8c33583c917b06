// The health of the emergency group and accounts: each check passed, failed, or not readable with
// the permissions granted (said, never passed silently).
import {
  Badge,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { checkHygiene } from '../../domain/emergency/hygiene';
import type { EmergencyAccess } from '../../domain/lockout';
import { describeError } from '../../graph/describe-error';
import type { TenantSession } from '../../session/tenant-session';
import { ErrorState } from '../../shared/ui/error-state';
import { hygieneQuery } from './hygiene-query';
import { LiveStatus } from '../../shared/ui/live-status';
import { TableScroll } from '../../shared/ui/table-scroll';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

const STATUS = {
  pass: { color: 'success', word: 'Pass' },
  fail: { color: 'danger', word: 'Fails' },
  unknown: { color: 'warning', word: 'Not readable' },
} as const;

export function HygieneSection({ tenant, emergency }: { tenant: TenantSession; emergency: EmergencyAccess }) {
  const styles = useStyles();
  const facts = useQuery(hygieneQuery(tenant, emergency));
  const checks = facts.data ? checkHygiene(emergency, facts.data) : null;
  const tally = (status: keyof typeof STATUS) => checks?.filter((c) => c.status === status).length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="hygiene-title">
      <h2 id="hygiene-title" className={styles.heading}>
        Emergency group and accounts
      </h2>
      <Text>
        Microsoft’s guidance: an assigned, cloud-only group that only privileged administrators can change, holding exactly the emergency
        accounts (at least two), each enabled and cloud-only.
      </Text>
      {/* In the section while the group and accounts are read: the outcome replaces the progress, and is said. */}
      <LiveStatus>
        {checks && !facts.error ? (
          `${checks.length} ${checks.length === 1 ? 'check' : 'checks'}: ${tally('pass')} pass, ${tally('fail')} ${tally('fail') === 1 ? 'fails' : 'fail'}, ${tally('unknown')} not readable.`
        ) : !facts.error || facts.isFetching ? (
          <Spinner size="tiny" labelPosition="after" label="Reading the emergency group and accounts…" />
        ) : null}
      </LiveStatus>
      {facts.error ? (
        <ErrorState {...describeError(facts.error, 'read the emergency group and accounts')} onRetry={() => void facts.refetch()} />
      ) : !checks ? null : (
        <TableScroll label="Emergency access hygiene">
          <Table aria-label="Emergency access hygiene" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Object</TableHeaderCell>
                <TableHeaderCell>Check</TableHeaderCell>
                <TableHeaderCell>Result</TableHeaderCell>
                <TableHeaderCell>Detail</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {checks.map((check) => (
                <TableRow key={`${check.subject}:${check.check}`}>
                  <TableCell>{check.subject}</TableCell>
                  <TableCell>{check.check}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS[check.status].color}>
                      {STATUS[check.status].word}
                    </Badge>
                  </TableCell>
                  <TableCell>{check.detail}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

// How far Gatehouse's engine can be trusted in this tenant: the last week's sign-ins replayed through
// it and compared, policy by policy, with what the service itself decided (the sign-in log records it
// for every policy). Below the threshold, a draft's answers here and in the save review are not to
// be trusted, and the conditions where they part are named (agreement-report-view.tsx shows the result).
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { AgreementReport } from '../../domain/evaluation/bulk/agreement';
import { policyJson } from '../../domain/json';
import { pageReaderOffThread } from '../../graph/sign-in-pages-off-thread';
import { readSignInPages, signInsUnavailable } from '../../graph/sign-ins';
import { postWithPages } from '../../shared/worker-pages';
import { namesAgentUsers } from '../../domain/evaluation/conditions/users';
import { readUserDirectory } from '../../graph/sign-in-directory';
import { namedLocationsQuery, policiesQuery } from '../../policy-ui/queries';
import { useMfaTrustedIps } from '../../session/mfa-trusted-ips';
import type { TenantSession } from '../../session/tenant-session';
import { AgreementReportView, agreementSummary } from './agreement-report-view';
import { SpokenStatus } from '../../shared/ui/live-status';
import type { AgreementRequest } from './agreement.worker';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

const DAYS = 7;
const CAP = 5_000;

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; read: number }
  | { kind: 'replaying'; signIns: number }
  | { kind: 'done'; report: AgreementReport; capped: boolean }
  | { kind: 'failed'; text: string };

export function EngineAgreement({ tenant }: { tenant: TenantSession }) {
  const styles = useStyles();
  const policies = useQuery(policiesQuery(tenant));
  const locations = useQuery(namedLocationsQuery(tenant));
  const [mfaTrustedIps] = useMfaTrustedIps(tenant.account.tenantId);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [request, setRequest] = useState<{ body: AgreementRequest; pages: ArrayBuffer[]; capped: boolean } | null>(null);

  useEffect(() => {
    if (!request) return;
    const worker = new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ ok: true; report: AgreementReport } | { ok: false; message: string }>) => {
      setState(
        event.data.ok ? { kind: 'done', report: event.data.report, capped: request.capped } : { kind: 'failed', text: event.data.message },
      );
      worker.terminate();
    };
    worker.onerror = (event) => setState({ kind: 'failed', text: event.message || 'The replay stopped.' });
    let ended = false;
    void postWithPages(worker, request.pages, request.body, () => ended);
    return () => {
      ended = true;
      worker.terminate();
    };
  }, [request]);

  // A read left behind (the page gone, Measure again) is stopped, its pages' worker with it.
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);

  const measure = async () => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    setState({ kind: 'reading', read: 0 });
    try {
      const since = new Date(tenant.context.clock.now().getTime() - DAYS * 86_400_000);
      const reader = pageReaderOffThread();
      const read = await readSignInPages(
        tenant.client,
        { since, cap: CAP, signal: controller.signal, onProgress: (n) => setState({ kind: 'reading', read: n }) },
        reader.read,
      ).finally(reader.close);
      const users = await readUserDirectory(tenant.client, read.userIds, {
        agentUsers: namesAgentUsers(policies.data ?? []),
        typeLogged: read.typeLogged,
      });
      if (controller.signal.aborted) return;
      setState({ kind: 'replaying', signIns: read.count });
      setRequest({
        capped: read.capped,
        pages: read.pages,
        body: {
          tenantId: tenant.account.tenantId,
          signInCount: read.count,
          users,
          policies: (policies.data ?? []).map(policyJson),
          namedLocations: locations.data ?? [],
          ...(mfaTrustedIps && { mfaTrustedIps }),
        },
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', text: signInsUnavailable(error) ?? (error instanceof Error ? error.message : String(error)) });
    }
  };

  const report = state.kind === 'done' ? state.report : null;
  const cappedAt = state.kind === 'done' && state.capped ? CAP : null;
  const busy = state.kind === 'reading' || state.kind === 'replaying';
  // Said from a status that is in the page before the measure starts; the counts on the spinners are
  // not said at each page read, only each step.
  const said =
    state.kind === 'reading'
      ? 'Reading the sign-in logs…'
      : state.kind === 'replaying'
        ? `Replaying ${state.signIns.toLocaleString('en')} sign-ins…`
        : report
          ? agreementSummary(report, cappedAt)
          : null;
  return (
    <section className={styles.root} aria-labelledby="agreement-title">
      <h2 id="agreement-title">How far the engine agrees with the service here</h2>
      <Text>
        Each sign-in log entry records what the service decided for every policy. Replaying the last {DAYS} days through Gatehouse’s engine
        shows where its answers, and so a draft’s, can be trusted.
      </Text>
      <div>
        {/* Reachable while it runs, so the focus stays on it instead of falling to the page. */}
        <Button disabledFocusable={!policies.data || !locations.data || busy} onClick={() => void measure()}>
          {report ? 'Measure again' : `Measure against the last ${DAYS} days of sign-ins`}
        </Button>
      </div>
      {state.kind === 'reading' ? (
        <Spinner size="tiny" label={`Reading the sign-in logs… ${state.read.toLocaleString('en')} read`} />
      ) : null}
      {state.kind === 'replaying' ? <Spinner size="tiny" label={`Replaying ${state.signIns.toLocaleString('en')} sign-ins…`} /> : null}
      {state.kind === 'failed' ? (
        <MessageBar intent="warning">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SpokenStatus>{said}</SpokenStatus>
      {report ? <AgreementReportView report={report} cappedAt={cappedAt} /> : null}
    </section>
  );
}

// One run over many tenants (the command line's tenants file): tenants in parallel, a bounded number
// at a time, each with its own client and so its own Conditional Access pacer, its writes one after
// another; a tenant that fails (sign-in, permission, Graph) is reported and the others go on.

export type TenantOutcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

export interface RunTenantsOptions {
  /** How many tenants at once (default 8): bounded by the runner's network and CPU, not by Graph's per-tenant limits. */
  concurrency?: number;
  /** After each tenant, in the order they finish. */
  onDone?(index: number, outcome: TenantOutcome<unknown>, finished: number, total: number): void;
  signal?: AbortSignal;
  now?: () => number;
}

/** Runs `task` for every tenant; the outcomes come back in the tenants' order. */
export async function runTenants<Tenant, T>(
  tenants: readonly Tenant[],
  task: (tenant: Tenant, index: number) => Promise<T>,
  options: RunTenantsOptions = {},
): Promise<TenantOutcome<T>[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8));
  const now = options.now ?? (() => performance.now());
  const outcomes: TenantOutcome<T>[] = new Array(tenants.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < tenants.length) {
      if (options.signal?.aborted) return;
      const index = next++;
      const started = now();
      let outcome: TenantOutcome<T>;
      try {
        outcome = { ok: true, value: await task(tenants[index]!, index), ms: now() - started };
      } catch (error) {
        outcome = { ok: false, error, ms: now() - started };
      }
      outcomes[index] = outcome;
      options.onDone?.(index, outcome, ++finished, tenants.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tenants.length) }, worker));
  return outcomes;
}

// Every address of the console in one place: the routes match these patterns, and links are made
// by these functions, so a path is never spelled by hand (nor an id left unencoded).
const enc = encodeURIComponent;

export const routePatterns = {
  policies: '/policies',
  newPolicy: '/policies/new',
  policy: '/policies/:id',
  editPolicy: '/policies/:id/edit',
  deleted: '/deleted',
  compare: '/compare',
  compareTenants: '/compare/tenants',
  history: '/history',
  backup: '/backup',
  import: '/import',
  templates: '/templates',
  emergencyAccess: '/emergency-access',
  contingency: '/contingency',
  whatIf: '/what-if',
  rollout: '/rollout',
  lint: '/lint',
  settings: '/settings',
} as const;

export const paths = {
  policies: routePatterns.policies,
  /** A new policy, blank or (with `duplicate`) a copy of another. */
  newPolicy: (from: { duplicate?: string } = {}) =>
    from.duplicate ? `${routePatterns.newPolicy}?duplicate=${enc(from.duplicate)}` : routePatterns.newPolicy,
  policy: (id: string) => `/policies/${enc(id)}`,
  editPolicy: (id: string) => `/policies/${enc(id)}/edit`,
  deleted: routePatterns.deleted,
  /** Two policies compared; `a` alone opens the comparison with one side chosen. */
  compare: (a?: string) => (a ? `${routePatterns.compare}?a=${enc(a)}` : routePatterns.compare),
  compareTenants: routePatterns.compareTenants,
  history: routePatterns.history,
  backup: routePatterns.backup,
  import: routePatterns.import,
  templates: routePatterns.templates,
  emergencyAccess: routePatterns.emergencyAccess,
  contingency: routePatterns.contingency,
  /** What if, with one of this device's drafts chosen (the editor's link). */
  whatIf: (draft?: string) => (draft ? `${routePatterns.whatIf}?draft=${enc(draft)}` : routePatterns.whatIf),
  /** Staged rollouts; with `policy`, that policy's rollout opened (or planned). */
  rollout: (policy?: string) => (policy ? `${routePatterns.rollout}?policy=${enc(policy)}` : routePatterns.rollout),
  /** The tenant's lint findings. */
  lint: routePatterns.lint,
  settings: routePatterns.settings,
} as const;

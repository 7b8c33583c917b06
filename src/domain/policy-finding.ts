// What a check found in a policy draft, and where: the editor marks the lines a finding's path points at.

export type JsonPath = (string | number)[];

export interface PolicyFinding {
  path: JsonPath;
  /** error: Graph refuses the policy, so saving is blocked; warning: Graph accepts it, but it is probably a mistake. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The service's error number, when it has one. */
  code?: string;
  /** The id of the rule that found it (src/domain/rules). */
  rule?: string;
}

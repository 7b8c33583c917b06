// A draft's impact said for a pipeline, as the save review shows it: emergency accounts hit first,
// then each class of change with its distinct users and applications (named as the log names them),
// the cap when reached, and how far the engine's answer may be trusted. Text, Markdown or JSON.
import { IMPACT_ALERT_WORDS, IMPACT_CLASSES, IMPACT_WORDS, type ImpactClass } from '../../domain/evaluation/bulk/impact';
import type { ImpactAnswer } from '../../domain/evaluation/impact-of-draft';
import { escapeMarkdown } from '../../domain/lint/markdown';

export interface ImpactRun {
  answer: ImpactAnswer;
  draftLabel: string;
  days: number;
  read: number;
  capped: boolean;
  cap: number;
}

/** Classes a reader must see; the others are counted only. */
const SHOWN: readonly ImpactClass[] = IMPACT_CLASSES.filter((c) => c !== 'unchanged');
const LISTED = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function namesOf(ids: readonly string[], names: Record<string, string>): string {
  const shown = ids.slice(0, LISTED).map((id) => names[id] ?? id);
  return `${shown.join(', ')}${ids.length > LISTED ? ` and ${ids.length - LISTED} more` : ''}`;
}

function lines(run: ImpactRun): {
  head: string[];
  alerts: string[];
  classes: { title: string; who: string; apps: string }[];
  trust: string;
} {
  const { answer } = run;
  const { impact, names } = answer;
  const head = [
    `Impact of ${run.draftLabel} over the sign-ins of the last ${plural(run.days, 'day')}: ${plural(run.read, 'sign-in')} read${
      run.capped ? ` (the cap of ${run.cap.toLocaleString('en-US')} was reached: the oldest were not read)` : ''
    }.`,
    impact.summary,
    ...(answer.usersUnread > 0
      ? [`${plural(answer.usersUnread, 'sign-in')} of users whose groups and roles could not be read: evaluated with those unknown.`]
      : []),
  ];
  const alerts = impact.alerts.map(
    (a) =>
      `${a.who === 'emergencyAccount' ? 'EMERGENCY ACCOUNT' : 'The signed-in admin'} ${names[a.identityId] ?? a.identityId} ${IMPACT_ALERT_WORDS[a.class]} in ${plural(a.signIns, 'sign-in')}.`,
  );
  const classes = SHOWN.filter((c) => impact.classes[c].signIns > 0).map((c) => {
    const k = impact.classes[c];
    return {
      title: `${plural(k.signIns, 'sign-in')} ${IMPACT_WORDS[c]}: ${plural(k.identityIds.length, 'identity', 'identities')}, ${plural(k.resourceIds.length, 'application')}`,
      who: namesOf(k.identityIds, names),
      apps: namesOf(k.resourceIds, names),
    };
  });
  const trust = answer.agreement.trusted
    ? `The engine's agreement with the service: ${answer.agreement.sentence}`
    : `Not to be trusted: ${answer.agreement.sentence}`;
  return { head, alerts, classes, trust };
}

export function impactText(run: ImpactRun): string {
  const l = lines(run);
  return `${[
    ...l.alerts,
    ...l.head,
    ...l.classes.flatMap((c) => [`- ${c.title}`, `    who: ${c.who}`, `    applications: ${c.apps}`]),
    l.trust,
  ].join('\n')}\n`;
}

export function impactMarkdown(run: ImpactRun): string {
  const l = lines(run);
  const md = escapeMarkdown;
  return [
    '### Impact of a Conditional Access draft',
    '',
    ...l.alerts.map((a) => `> **${md(a)}**\n`),
    ...l.head.map((h) => `${md(h)}\n`),
    ...l.classes.map((c) => `- **${md(c.title)}** — ${md(c.who)}; ${md(c.apps)}`),
    '',
    md(l.trust),
  ].join('\n');
}

export function impactJson(run: ImpactRun): string {
  const { impact, names, agreement, usersUnread } = run.answer;
  const classes = Object.fromEntries(
    IMPACT_CLASSES.map((c) => {
      const k = impact.classes[c];
      return [
        c,
        {
          signIns: k.signIns,
          shapes: k.shapes,
          identities: k.identityIds.map((id) => ({ id, name: names[id] ?? null })),
          applications: k.resourceIds.map((id) => ({ id, name: names[id] ?? null })),
        },
      ];
    }),
  );
  return `${JSON.stringify(
    {
      format: 'gatehouse.draft-impact',
      version: 1,
      draft: run.draftLabel,
      days: run.days,
      signInsRead: run.read,
      capped: run.capped,
      cap: run.cap,
      summary: impact.summary,
      evaluatedAsEnabled: impact.evaluatedAsEnabled,
      stopsEnforcing: impact.stopsEnforcing,
      alerts: impact.alerts.map((a) => ({
        id: a.identityId,
        name: names[a.identityId] ?? null,
        who: a.who,
        class: a.class,
        signIns: a.signIns,
      })),
      classes,
      usersUnread,
      agreement,
    },
    null,
    2,
  )}\n`;
}

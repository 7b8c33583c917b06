// The gallery as a table: each template with where it comes from, whether the tenant has it (which
// policy, found how) or that it is a gap, what it needs, and a choice for deployment. A template the
// tenant already has cannot be chosen: deploying it again would only make a second copy.
import {
  Badge,
  Button,
  Checkbox,
  InfoButton,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, SplitVerticalRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { JsonObject } from '../../domain/json';
import { scenarioWords, type TemplateSource } from '../../domain/templates/gallery-template';
import type { TemplateMatch, TemplateStatus } from '../../domain/templates/match-tenant';
import { prerequisitesOf } from '../../domain/templates/prerequisites';
import { paths } from '../../shared/routes/paths';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';
import { useStackedTableStyles } from '../../shared/ui/stacked-table';
import { TableScroll } from '../../shared/ui/table-scroll';

const useStyles = makeStyles({
  unseen: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  name: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  needs: { margin: 0, paddingLeft: tokens.spacingHorizontalL, width: 'min(320px, 70vw)' },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
});

export const SOURCE_WORDS: Record<TemplateSource, string> = { microsoft: 'Microsoft', baseline: 'Baseline', tenant: 'Saved here' };

const policyName = (policy: JsonObject) => (typeof policy.displayName === 'string' ? policy.displayName : '(no name)');
const policyId = (policy: JsonObject) => (typeof policy.id === 'string' ? policy.id : null);

/** A template the tenant has, or has something like: there is a policy to compare it with. */
export type MatchWithPolicy = TemplateMatch & { status: Extract<TemplateStatus, { policy: JsonObject }> };

export interface GalleryTableProps {
  matches: readonly TemplateMatch[];
  selected: ReadonlySet<string>;
  onSelect(key: string, on: boolean): void;
  onDifference(match: MatchWithPolicy): void;
  onForget(key: string): void;
  /** The last row was forgotten: the focus goes back to the page (it was on that row's button). */
  onEmptied?(): void;
}

export function GalleryTable({ matches, selected, onSelect, onDifference, onForget, onEmptied }: GalleryTableProps) {
  const styles = useStyles();
  // A phone: each template's cells stack beside its checkbox, its needs and Difference on the screen.
  const stacked = useStackedTableStyles();
  const navigate = useNavigate();
  const table = useRef<HTMLTableElement>(null);
  // A forgotten template's row leaves with the button that had the focus: the focus goes to the row that
  // takes its place (its own Forget button, else its first control), or before it when it was the last.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const key = refocus.current;
    if (key === null) return;
    refocus.current = null;
    const row = key ? table.current?.querySelector(`tr[data-template="${CSS.escape(key)}"]`) : null;
    const target =
      row?.querySelector<HTMLElement>('[data-forget]') ??
      row?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled]), a[href]');
    if (target) target.focus();
    else onEmptied?.();
  }, [matches, onEmptied]);
  const forget = (key: string) => {
    const index = matches.findIndex((m) => m.template.key === key);
    refocus.current = (matches[index + 1] ?? matches[index - 1])?.template.key ?? '';
    onForget(key);
  };
  return (
    <TableScroll label="Templates">
      <Table aria-label="Templates" size="small" ref={table} className={stacked.withSelection}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '48px' }}>Deploy</TableHeaderCell>
            <TableHeaderCell>Template</TableHeaderCell>
            <TableHeaderCell>In this tenant</TableHeaderCell>
            <TableHeaderCell>Needs</TableHeaderCell>
            <TableHeaderCell style={{ width: '150px' }}>
              {/* Its buttons say what they compare; the header names the column for a screen reader's table navigation. */}
              <span className={styles.unseen}>Difference</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {matches.map((match) => {
            const { template, status } = match;
            const present = status.kind === 'present';
            const needs = prerequisitesOf(template.policy);
            return (
              <TableRow key={template.key} aria-label={isolatedText(template.name)} data-template={template.key}>
                <TableCell>
                  <Checkbox
                    aria-label={`Deploy ${isolatedText(template.name)}`}
                    checked={!present && selected.has(template.key)}
                    disabled={present}
                    onChange={(_, data) => onSelect(template.key, data.checked === true)}
                  />
                </TableCell>
                <TableCell>
                  <div className={styles.name}>
                    <Text weight="semibold">
                      <Isolated>{template.name}</Isolated>
                    </Text>
                    <Text size={200}>{template.description}</Text>
                    <div className={styles.badges}>
                      <Badge appearance="outline" shape="rounded" color={template.source === 'microsoft' ? 'brand' : 'informative'}>
                        {SOURCE_WORDS[template.source]}
                      </Badge>
                      {template.scenarios.map((s) => (
                        <Badge key={s} appearance="tint" shape="rounded" color="subtle">
                          {scenarioWords(s)}
                        </Badge>
                      ))}
                    </div>
                    {template.notes?.map((note) => (
                      <Text key={note} size={200}>
                        {note}
                      </Text>
                    ))}
                    {template.attribution ? <Text size={100}>{template.attribution}</Text> : null}
                  </div>
                </TableCell>
                <TableCell>
                  <span className={stacked.cellLabel}>In this tenant: </span>
                  <div className={styles.status}>
                    <StatusWords status={status} />
                    {status.kind !== 'gap' && policyId(status.policy) ? (
                      <Link
                        // Where the focus lands after this template is deployed.
                        data-policy-of={template.key}
                        href={paths.policy(policyId(status.policy)!)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(paths.policy(policyId(status.policy)!));
                        }}
                      >
                        {policyName(status.policy)}
                      </Link>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell>
                  {/* The badges name what is needed; why, for all of them, is behind one button (a badge with a
                      tooltip would be a tab stop of its own, with no role, in every row). */}
                  {needs.length > 0 ? (
                    <div className={styles.badges}>
                      <span className={stacked.cellLabel}>Needs: </span>
                      {needs.map((need) => (
                        <Badge key={need.id} appearance="tint" shape="rounded" color={need.kind === 'licence' ? 'important' : 'warning'}>
                          {need.label}
                        </Badge>
                      ))}
                      <InfoButton
                        size="small"
                        aria-label={`What ${isolatedText(template.name)} needs`}
                        info={
                          <ul className={styles.needs}>
                            {needs.map((need) => (
                              <li key={need.id}>{need.text}</li>
                            ))}
                          </ul>
                        }
                      />
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  {status.kind !== 'gap' ? (
                    <Button
                      size="small"
                      icon={<SplitVerticalRegular />}
                      aria-label={`Difference between ${isolatedText(policyName(status.policy))} and ${isolatedText(template.name)}`}
                      onClick={() => onDifference({ ...match, status })}
                    >
                      Difference
                    </Button>
                  ) : null}
                  {template.source === 'tenant' ? (
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={`Forget ${isolatedText(template.name)}`}
                      data-forget
                      onClick={() => forget(template.key)}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function StatusWords({ status }: { status: TemplateStatus }) {
  if (status.kind === 'gap')
    return (
      <Badge appearance="filled" shape="rounded" color="danger">
        Gap
      </Badge>
    );
  if (status.kind === 'similar')
    return (
      <>
        <Badge appearance="tint" shape="rounded" color="warning">
          Similar
        </Badge>
        <Text size={200}>Differs in {status.differ.join(', ') || 'details'}.</Text>
      </>
    );
  return (
    <>
      <Badge appearance="tint" shape="rounded" color="success">
        Has it
      </Badge>
      <Text size={200}>
        {status.by === 'templateId' ? 'Created from this template' : 'Same content'}
        {status.by === 'templateId' && !status.identical ? ', changed since' : ''}
      </Text>
    </>
  );
}

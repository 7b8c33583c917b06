// The mapping table as its tests render it, with the labels the review gives it: fixed rows, or rows made
// again from choices held in state, as the review holds them. One set-up, so the tests say only what differs.
import { render } from '@testing-library/react';
import { useState } from 'react';
import type { ImportSet } from '../../domain/import/import-set';
import { sourcePolicies } from '../../domain/plan/build-plan';
import { buildMapping } from '../../domain/plan/mapping';
import { defaultChoices, type MappingChoice, type MappingRow, type PlanTarget } from '../../domain/plan/types';
import { withMappingChoices, type PickedChoices } from './mapping-choices';
import { MappingTable } from './mapping-table';

/** The mapping of this import's references in this tenant (none of them objects of the plan), under these choices. */
export const mappingOf = (source: ImportSet, target: PlanTarget, mapping: Record<string, MappingChoice> = {}): MappingRow[] =>
  buildMapping(source, sourcePolicies(source), target, { ...defaultChoices(), mapping }, new Map(), false);

/** These rows in the table, nothing confirmed, and choices going nowhere. */
export const renderMappingTable = (rows: MappingRow[]) =>
  render(
    <MappingTable
      rows={rows}
      sourceLabel="In the import"
      targetName="Fabrikam"
      confirmed={new Set()}
      onChoose={() => undefined}
      onConfirm={() => undefined}
    />,
  );

/** The table as the review holds it: the choices in state, the rows made again from them; each choice also goes to `updates`. */
export function ChoosingTable({
  source,
  target,
  initial,
  updates,
}: {
  source: ImportSet;
  target: PlanTarget;
  initial: Record<string, MappingChoice>;
  updates: PickedChoices[];
}) {
  const [mapping, setMapping] = useState(initial);
  return (
    <MappingTable
      rows={mappingOf(source, target, mapping)}
      sourceLabel="In the import"
      targetName="Fabrikam"
      confirmed={new Set()}
      onChoose={(picked) => {
        updates.push(picked);
        setMapping((m) => withMappingChoices(m, picked));
      }}
      onConfirm={() => undefined}
    />
  );
}

// Visual editing of a policy's include and exclude lists: names as removable tags, and a search
// of the tenant to add more. Every change is an edit of the JSON text, so both views stay in step
// and Ctrl+Z in the editor undoes a pick.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  Tag,
  TagGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { applyEdits, modify } from 'jsonc-parser';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { DirectoryKind } from '../../graph/directory';
import { SPECIAL_VALUES, type NameDirectory, type NameKind } from '../../domain/references';
import type { JsonObject } from '../../domain/policy-body';
import { DirectoryPicker } from '../../session/directory-picker';
import { refs } from '../../domain/describe-policy';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  missing: { color: tokens.colorPaletteRedForeground1 },
  more: { alignSelf: 'flex-start' },
});

interface ListSpec {
  key: string;
  label: string;
  /** Where the list is, and its parent object (created when missing). */
  parent: string[];
  kind: DirectoryKind;
  names: NameKind[];
  /** How special values read in this list. */
  specials?: Record<string, string>;
}

/**
 * An include list and its exclude list: one parent, one search, one kind of name. Only the include
 * list reads special values (All, None) as words of its own.
 */
function includeExclude({ key, noun, specials, ...alike }: Omit<ListSpec, 'key' | 'label'> & { key: string; noun: string }): ListSpec[] {
  return [
    { key: `include${key}`, label: `Include ${noun}`, ...alike, ...(specials ? { specials } : {}) },
    { key: `exclude${key}`, label: `Exclude ${noun}`, ...alike },
  ];
}

const users = { parent: ['conditions', 'users'] };

const sections: { title: string; lists: ListSpec[] }[] = [
  {
    title: 'Users, groups and roles',
    lists: [
      ...includeExclude({
        key: 'Users',
        noun: 'users',
        ...users,
        kind: 'users',
        names: ['user'],
        specials: { All: 'All users', None: 'No users' },
      }),
      ...includeExclude({ key: 'Groups', noun: 'groups', ...users, kind: 'groups', names: ['group'] }),
      ...includeExclude({ key: 'Roles', noun: 'roles', ...users, kind: 'roles', names: ['role'] }),
    ],
  },
  {
    // Graph beta's conditionalAccessClientApplications names agent identities by object id in lists of their own,
    // never in the service principal lists: the search offers agent identities only.
    title: 'Agent identities',
    lists: includeExclude({
      key: 'AgentIdServicePrincipals',
      noun: 'agent identities',
      parent: ['conditions', 'clientApplications'],
      kind: 'agentIdentities',
      names: ['servicePrincipal'],
      specials: { All: 'All agent identities' },
    }),
  },
  {
    title: 'Target resources',
    lists: includeExclude({
      key: 'Applications',
      noun: 'applications',
      parent: ['conditions', 'applications'],
      kind: 'servicePrincipals',
      names: ['application'],
      specials: { All: 'All resources', None: 'No resources' },
    }),
  },
  {
    title: 'Network',
    lists: includeExclude({
      key: 'Locations',
      noun: 'locations',
      parent: ['conditions', 'locations'],
      kind: 'namedLocations',
      names: ['namedLocation'],
      specials: { All: 'Any network or location' },
    }),
  },
];

const at = (policy: JsonObject | null, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), policy);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2 } };

/** Sets a list in the JSON text, creating its parent object when it is missing or null. */
export function setList(text: string, policy: JsonObject, parent: string[], key: string, values: string[]): string {
  const current = at(policy, parent);
  if (current && typeof current === 'object') return applyEdits(text, modify(text, [...parent, key], values, FORMAT));
  return applyEdits(text, modify(text, parent, { [key]: values }, FORMAT));
}

/** Tags drawn before "Show all": each costs about a millisecond to draw, and hundreds read no better as tags than in the JSON beside them. */
const FIRST_TAGS = 50;

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

interface ListViewProps {
  list: ListSpec;
  values: string[];
  names: NameDirectory | undefined;
  setValues(list: ListSpec, next: string[]): void;
  styles: ReturnType<typeof useStyles>;
}

/**
 * One list's tags and its search. Memoised on the list's values (a new array at each parse of the
 * draft): a keystroke elsewhere in the JSON does not draw a large policy's hundreds of tags again.
 */
const ListView = memo(
  function ListView({ list, values, names, setValues, styles }: ListViewProps) {
    const [all, setAll] = useState(false);
    const tags = refs(values, list.names, names, { ...SPECIAL_VALUES, ...list.specials });
    const shown = all ? tags : tags.slice(0, FIRST_TAGS);
    return (
      <div className={styles.list}>
        <Text weight="semibold">{list.label}</Text>
        {values.length > 0 && (
          <TagGroup
            className={styles.tags}
            aria-label={list.label}
            onDismiss={(_, data) =>
              setValues(
                list,
                values.filter((v) => v !== data.value),
              )
            }
          >
            {shown.map((ref) => (
              <Tag
                key={ref.id}
                value={ref.id}
                size="small"
                dismissible
                dismissIcon={{ 'aria-label': `Remove ${ref.label}` }}
                className={ref.missing ? styles.missing : undefined}
              >
                {ref.label}
              </Tag>
            ))}
          </TagGroup>
        )}
        {tags.length > FIRST_TAGS && (
          // One button that stays, so the keyboard's focus stays on it either way.
          <Button appearance="subtle" size="small" className={styles.more} aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `Show the first ${FIRST_TAGS}` : `Show all ${tags.length}`}
          </Button>
        )}
        <DirectoryPicker
          kind={list.kind}
          label={list.label}
          exclude={values}
          onPick={(entry) => {
            // A pick goes to the end of the list: shown, even past the first tags.
            setAll(true);
            setValues(list, [...values, entry.id]);
          }}
        />
      </div>
    );
  },
  (a, b) =>
    a.list === b.list && a.names === b.names && a.setValues === b.setValues && a.styles === b.styles && sameStrings(a.values, b.values),
);

export function AssignmentPickers({
  policy,
  text,
  names,
  onChange,
}: {
  policy: JsonObject | null;
  text: string;
  names: NameDirectory | undefined;
  onChange(text: string): void;
}) {
  const styles = useStyles();
  // A pick or a removal edits the text as it is when it happens, so the lists' handlers need not
  // change (and the lists be drawn again) at each keystroke.
  const latest = useRef({ policy, text, onChange });
  useLayoutEffect(() => {
    latest.current = { policy, text, onChange };
  });
  const setValues = useCallback((list: ListSpec, next: string[]) => {
    const { policy: current, text: currentText, onChange: change } = latest.current;
    if (current) change(setList(currentText, current, list.parent, list.key, next));
  }, []);
  if (!policy) return null;
  return (
    <Accordion multiple collapsible defaultOpenItems={['Users, groups and roles']}>
      {sections.map((section) => (
        <AccordionItem key={section.title} value={section.title}>
          <AccordionHeader as="h2">{section.title}</AccordionHeader>
          <AccordionPanel>
            {section.lists.map((list) => (
              <ListView
                key={list.key}
                list={list}
                values={strings(at(policy, [...list.parent, list.key]))}
                names={names}
                setValues={setValues}
                styles={styles}
              />
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

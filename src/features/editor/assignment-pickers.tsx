// Visual editing of a policy's include and exclude lists: names as removable tags, and a search
// of the tenant to add more. Every change is an edit of the JSON text, so both views stay in step
// and Ctrl+Z in the editor undoes a pick.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  Tag,
  TagGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { applyEdits, modify } from 'jsonc-parser';
import type { DirectoryKind } from '../../graph/directory';
import { SPECIAL_VALUES, type NameDirectory, type NameKind } from '../../domain/references';
import type { JsonObject } from '../../domain/policy-body';
import { DirectoryPicker } from '../../session/directory-picker';
import { refs } from '../../domain/describe-policy';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  missing: { color: tokens.colorPaletteRedForeground1 },
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

const sections: { title: string; lists: ListSpec[] }[] = [
  {
    title: 'Users, groups and roles',
    lists: [
      {
        key: 'includeUsers',
        label: 'Include users',
        parent: ['conditions', 'users'],
        kind: 'users',
        names: ['user'],
        specials: { All: 'All users', None: 'No users' },
      },
      { key: 'excludeUsers', label: 'Exclude users', parent: ['conditions', 'users'], kind: 'users', names: ['user'] },
      { key: 'includeGroups', label: 'Include groups', parent: ['conditions', 'users'], kind: 'groups', names: ['group'] },
      { key: 'excludeGroups', label: 'Exclude groups', parent: ['conditions', 'users'], kind: 'groups', names: ['group'] },
      { key: 'includeRoles', label: 'Include roles', parent: ['conditions', 'users'], kind: 'roles', names: ['role'] },
      { key: 'excludeRoles', label: 'Exclude roles', parent: ['conditions', 'users'], kind: 'roles', names: ['role'] },
    ],
  },
  {
    title: 'Target resources',
    lists: [
      {
        key: 'includeApplications',
        label: 'Include applications',
        parent: ['conditions', 'applications'],
        kind: 'servicePrincipals',
        names: ['application'],
        specials: { All: 'All resources', None: 'No resources' },
      },
      {
        key: 'excludeApplications',
        label: 'Exclude applications',
        parent: ['conditions', 'applications'],
        kind: 'servicePrincipals',
        names: ['application'],
      },
    ],
  },
  {
    title: 'Network',
    lists: [
      {
        key: 'includeLocations',
        label: 'Include locations',
        parent: ['conditions', 'locations'],
        kind: 'namedLocations',
        names: ['namedLocation'],
        specials: { All: 'Any network or location' },
      },
      {
        key: 'excludeLocations',
        label: 'Exclude locations',
        parent: ['conditions', 'locations'],
        kind: 'namedLocations',
        names: ['namedLocation'],
      },
    ],
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
  if (!policy) return null;
  return (
    <Accordion multiple collapsible defaultOpenItems={['Users, groups and roles']}>
      {sections.map((section) => (
        <AccordionItem key={section.title} value={section.title}>
          <AccordionHeader as="h2">{section.title}</AccordionHeader>
          <AccordionPanel>
            {section.lists.map((list) => {
              const values = strings(at(policy, [...list.parent, list.key]));
              const set = (next: string[]) => onChange(setList(text, policy, list.parent, list.key, next));
              return (
                <div key={list.key} className={styles.list}>
                  <Text weight="semibold">{list.label}</Text>
                  {values.length > 0 && (
                    <TagGroup
                      className={styles.tags}
                      aria-label={list.label}
                      onDismiss={(_, data) => set(values.filter((v) => v !== data.value))}
                    >
                      {refs(values, list.names, names, { ...SPECIAL_VALUES, ...list.specials }).map((ref) => (
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
                  <DirectoryPicker kind={list.kind} label={list.label} exclude={values} onPick={(entry) => set([...values, entry.id])} />
                </div>
              );
            })}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

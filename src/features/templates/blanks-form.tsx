// The form of a deployment's blanks: for each blank the chosen templates leave (the current
// administrator, `<GROUP>`-style tokens, a saved template's named objects), pick users or groups
// in the directory; for exclusions, the emergency accounts of Settings are one click away. A blank
// left empty is not guessed: the plan's mapping asks for it again.
import { Button, Field, makeStyles, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { PersonRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import { FILL_KINDS, type FilledObject, type TemplateBlank } from '../../domain/templates/blanks';
import { CURRENT_ADMIN_BLANK } from '../../domain/templates/gallery-template';
import type { DirectoryKind } from '../../graph/directory';
import { DirectoryPicker } from '../../session/directory-picker';
import type { EmergencyAccess } from '../../domain/lockout';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  blank: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  pickers: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

export type Fills = ReadonlyMap<string, readonly FilledObject[]>;

/** The directory search for each kind of object a blank may be filled with (workload identities go through the plan's mapping). */
const PICKERS: Partial<Record<FilledObject['kind'], { kind: DirectoryKind; article: string; plural: string }>> = {
  user: { kind: 'users', article: 'a user', plural: 'Users' },
  group: { kind: 'groups', article: 'a group', plural: 'Groups' },
  role: { kind: 'roles', article: 'a role', plural: 'Roles' },
  // The search answers applications by appId, as a policy's target resources name them.
  application: { kind: 'servicePrincipals', article: 'an application', plural: 'Applications' },
  namedLocation: { kind: 'namedLocations', article: 'a named location', plural: 'Named locations' },
};

export interface BlanksFormProps {
  blanks: readonly TemplateBlank[];
  fills: Fills;
  onChange(fills: Fills): void;
  admin: { id: string; name: string };
  emergency: EmergencyAccess;
}

const KIND_WORDS: Record<FilledObject['kind'], string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  application: 'application',
  servicePrincipal: 'workload identity',
  namedLocation: 'named location',
};

export function BlanksForm({ blanks, fills, onChange, admin, emergency }: BlanksFormProps) {
  const styles = useStyles();
  // Nothing chosen is the blank as never filled: it stays in the policy and the plan's mapping asks for it.
  const set = (value: string, objects: readonly FilledObject[]) => {
    const next = new Map(fills);
    if (objects.length > 0) next.set(value, objects);
    else next.delete(value);
    onChange(next);
  };
  const add = (value: string, objects: readonly FilledObject[]) => {
    const chosen = fills.get(value) ?? [];
    const fresh = objects.filter((o) => !chosen.some((c) => c.id.toLowerCase() === o.id.toLowerCase()));
    set(value, [...chosen, ...fresh]);
  };
  const emergencyObjects: FilledObject[] = [
    ...emergency.users.map((u) => ({ kind: 'user' as const, id: u.id, displayName: u.name })),
    ...emergency.groups.map((g) => ({ kind: 'group' as const, id: g.id, displayName: g.name })),
  ];

  if (blanks.length === 0) return <Text>These templates have no blanks to fill.</Text>;
  return (
    <div className={styles.form} role="group" aria-label="Blanks to fill">
      {blanks.map((blank) => {
        const chosen = fills.get(blank.value) ?? [];
        const kinds = FILL_KINDS[blank.kind];
        // A saved template's blank is named from the tenant's object: isolated wherever it is said.
        const label = blank.value === CURRENT_ADMIN_BLANK ? 'Current administrator' : isolatedText(blank.name);
        return (
          <section key={blank.value} className={styles.blank} aria-label={label}>
            <Text weight="semibold">{label}</Text>
            <Text size={200}>
              In {blank.places.join(', ')}.{' '}
              {chosen.length === 0
                ? 'Nothing chosen: the plan will ask what it stands for.'
                : blank.exclusion
                  ? 'Excluded from the policies.'
                  : 'Included in the policies.'}
            </Text>
            {chosen.length > 0 ? (
              <TagGroup
                aria-label={`Chosen for ${label}`}
                onDismiss={(_, data) =>
                  set(
                    blank.value,
                    chosen.filter((o) => o.id !== data.value),
                  )
                }
              >
                {chosen.map((object) => (
                  <Tag
                    key={object.id}
                    value={object.id}
                    dismissible
                    dismissIcon={{ 'aria-label': `Remove ${isolatedText(object.displayName)}` }}
                  >
                    <Isolated>{object.displayName}</Isolated> ({KIND_WORDS[object.kind]})
                  </Tag>
                ))}
              </TagGroup>
            ) : null}
            <div className={styles.pickers}>
              {kinds.map((kind) => {
                const picker = PICKERS[kind];
                if (!picker) return null;
                return (
                  <Field key={kind} label={`Add ${picker.article}`}>
                    <DirectoryPicker
                      kind={picker.kind}
                      label={`${picker.plural} for ${label}`}
                      exclude={chosen.map((o) => o.id)}
                      onPick={(entry) => add(blank.value, [{ kind, id: entry.id, displayName: entry.displayName }])}
                    />
                  </Field>
                );
              })}
              {kinds.includes('user') ? (
                <Button
                  icon={<PersonRegular />}
                  onClick={() => add(blank.value, [{ kind: 'user', id: admin.id, displayName: admin.name }])}
                >
                  Me (<Isolated>{admin.name}</Isolated>)
                </Button>
              ) : null}
              {blank.exclusion && kinds.includes('user') && emergencyObjects.length > 0 ? (
                <Button icon={<ShieldKeyholeRegular />} onClick={() => add(blank.value, emergencyObjects)}>
                  Emergency accounts from Settings
                </Button>
              ) : null}
            </div>
            {kinds.every((kind) => !PICKERS[kind]) ? <Text size={200}>Chosen in the plan’s mapping.</Text> : null}
          </section>
        );
      })}
    </div>
  );
}

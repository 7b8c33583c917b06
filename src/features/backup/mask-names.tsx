// The "Mask names" choice, with what it hides and what it keeps.
import { Checkbox, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';

export function MaskNames({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const hint = useId();
  return (
    <div>
      <Checkbox label="Mask names" checked={checked} onChange={(_, data) => onChange(data.checked === true)} aria-describedby={hint} />
      <Text id={hint} size={200} block style={{ color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXXL }}>
        Users, groups, applications, service principals and named locations become pseudonyms such as “Group A” (the same object keeps the
        same pseudonym), without their ids, sign-in names or IP ranges; the tenant is not named. Roles and Microsoft’s applications keep
        their names. Policy names are kept, with masked names and the tenant’s name replaced inside them (“Contoso Expenses: Require MFA”
        becomes “App A: Require MFA”).
      </Text>
    </div>
  );
}

// A checkbox that cannot be used just now but stays reachable by Tab, so its reason is heard: a disabled
// one is skipped by the keyboard. It is aria-disabled, looks disabled (Fluent's own tokens) and ignores a
// press while it is so. The reason is the caller's to give, as its description (a Field's hint, or
// aria-describedby).
import { Checkbox, makeStyles, shorthands, tokens, type CheckboxProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  label: { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed' },
  indicator: { ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled), cursor: 'not-allowed' },
});

export interface ReachableCheckboxProps extends Omit<CheckboxProps, 'disabled' | 'label' | 'indicator'> {
  label: ReactNode;
  unusable?: boolean;
}

export function ReachableCheckbox({ unusable = false, onChange, label, ...props }: ReachableCheckboxProps) {
  const styles = useStyles();
  return (
    <Checkbox
      {...props}
      aria-disabled={unusable || undefined}
      label={{ children: label, className: unusable ? styles.label : undefined }}
      indicator={{ className: unusable ? styles.indicator : undefined }}
      onChange={(event, data) => {
        if (!unusable) onChange?.(event, data);
      }}
    />
  );
}

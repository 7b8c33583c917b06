// A checkbox that cannot be used just now but stays reachable by Tab, so its reason is heard: a disabled
// one is skipped by the keyboard. It is aria-disabled, looks disabled (Fluent's own tokens) and ignores a
// press while it is so. The reason is the caller's to give, as its description (a Field's hint, or
// aria-describedby).
import { Checkbox, makeStyles, mergeClasses, shorthands, tokens, type CheckboxProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// Fluent's disabled checkbox, drawn on the parts themselves: its hover and checked fill would otherwise
// still show, and a checked box in the brand's colour looked usable.
const useStyles = makeStyles({
  root: { cursor: 'default' },
  label: { color: tokens.colorNeutralForegroundDisabled, '@media (forced-colors: active)': { color: 'GrayText' } },
  indicator: {
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForegroundDisabled,
    '@media (forced-colors: active)': { color: 'GrayText', ...shorthands.borderColor('GrayText') },
  },
});

export interface ReachableCheckboxProps extends Omit<CheckboxProps, 'disabled' | 'label' | 'indicator'> {
  label: ReactNode;
  unusable?: boolean;
}

export function ReachableCheckbox({ unusable = false, onChange, label, className, ...props }: ReachableCheckboxProps) {
  const styles = useStyles();
  return (
    <Checkbox
      {...props}
      className={mergeClasses(className, unusable && styles.root)}
      aria-disabled={unusable || undefined}
      label={{ children: label, className: unusable ? styles.label : undefined }}
      indicator={{ className: unusable ? styles.indicator : undefined }}
      onChange={(event, data) => {
        if (!unusable) onChange?.(event, data);
      }}
    />
  );
}

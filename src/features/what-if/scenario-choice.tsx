// One of the scenario form's fixed choices (who or what kind, platform, client app, risk…): a labelled
// select that fits its column of the form's grid.
import { Field, makeStyles, Select } from '@fluentui/react-components';

const useStyles = makeStyles({
  // A select is as wide as its longest option unless told to fit its column.
  select: { minWidth: 0, width: '100%' },
});

export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(value: T): void;
}) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Select select={{ className: styles.select }} value={value} onChange={(_, data) => onChange(data.value as T)}>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </Select>
    </Field>
  );
}

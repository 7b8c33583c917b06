// The gate's thresholds as three fields: the share of blocked sign-ins that pauses (10 % unless
// changed), the share of interrupted ones (counted but not gating unless set), and the sign-ins a
// gate waits for before it judges.
import { Checkbox, Field, makeStyles, SpinButton, tokens } from '@fluentui/react-components';
import type { GateThresholds } from '../../domain/rollout/rollout-plan';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

const valueOf = (data: { value?: number | null; displayValue?: string }, fallback: number) => {
  const value = data.value ?? Number(data.displayValue);
  return Number.isFinite(value) ? value : fallback;
};

export function ThresholdFields({ thresholds, onChange }: { thresholds: GateThresholds; onChange(next: GateThresholds): void }) {
  const styles = useStyles();
  const interrupted = thresholds.maxInterruptedPercent;
  return (
    <fieldset className={styles.row}>
      <legend>Gate between rings</legend>
      <Field label="Pause above this share blocked (%)">
        <SpinButton
          min={0}
          max={100}
          value={thresholds.maxBlockedPercent}
          onChange={(_, data) => onChange({ ...thresholds, maxBlockedPercent: valueOf(data, thresholds.maxBlockedPercent) })}
        />
      </Field>
      <Checkbox
        label="Pause on interruptions for a control too"
        checked={interrupted !== null}
        onChange={(_, data) => onChange({ ...thresholds, maxInterruptedPercent: data.checked ? 50 : null })}
      />
      {interrupted !== null ? (
        <Field label="Pause above this share interrupted (%)">
          <SpinButton
            min={0}
            max={100}
            value={interrupted}
            onChange={(_, data) => onChange({ ...thresholds, maxInterruptedPercent: valueOf(data, interrupted) })}
          />
        </Field>
      ) : null}
      <Field label="Sign-ins to wait for before judging">
        <SpinButton
          min={0}
          value={thresholds.minSignIns}
          onChange={(_, data) => onChange({ ...thresholds, minSignIns: Math.max(0, Math.round(valueOf(data, thresholds.minSignIns))) })}
        />
      </Field>
    </fieldset>
  );
}

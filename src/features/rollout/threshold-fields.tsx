// The gate's thresholds as three fields: the share of blocked sign-ins that pauses (10 % unless
// changed), the share of interrupted ones (counted but not gating unless set), and the sign-ins a
// gate waits for before it judges (20 unless changed, never below 1: a gate that waits for none
// judges nothing, and below 20 the field says how little a few sign-ins tell).
import { Checkbox, Field, makeStyles, SpinButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_MIN_SIGN_INS, type GateThresholds } from '../../domain/rollout/rollout-plan';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

const valueOf = (data: { value?: number | null; displayValue?: string }, fallback: number) => {
  const value = data.value ?? Number(data.displayValue);
  return Number.isFinite(value) ? value : fallback;
};

/** Below the default, what one blocked sign-in weighs: the admin sees how little a small sample judges. */
const smallSampleHint = (n: number) =>
  n < DEFAULT_MIN_SIGN_INS
    ? `A small sample judges little: over ${n} sign-in${n === 1 ? '' : 's'}, one blocked is already ${Math.round(100 / n)} %.`
    : undefined;

export function ThresholdFields({ thresholds, onChange }: { thresholds: GateThresholds; onChange(next: GateThresholds): void }) {
  const styles = useStyles();
  const interrupted = thresholds.maxInterruptedPercent;
  const [refused, setRefused] = useState(false);
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
      <Field
        label="Sign-ins to wait for before judging"
        hint={smallSampleHint(thresholds.minSignIns)}
        validationState={refused ? 'error' : 'none'}
        validationMessage={
          refused ? `At least 1: a gate that waits for no sign-in judges nothing. Kept at ${thresholds.minSignIns}.` : undefined
        }
      >
        <SpinButton
          min={1}
          value={thresholds.minSignIns}
          onChange={(_, data) => {
            const wanted = Math.round(valueOf(data, thresholds.minSignIns));
            setRefused(wanted < 1);
            if (wanted >= 1) onChange({ ...thresholds, minSignIns: wanted });
          }}
        />
      </Field>
    </fieldset>
  );
}

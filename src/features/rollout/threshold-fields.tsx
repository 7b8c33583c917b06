// The gate's thresholds: the share of blocked sign-ins that pauses the next ring (10 % unless
// changed), the share of interrupted ones (counted but not gating unless set), and the sign-ins a
// gate waits for before it judges (20 unless changed, never below 1: a gate that waits for none
// judges nothing, and below 20 the field says how little a few sign-ins tell). What is typed and
// cannot be taken (not a number, a share outside 0–100, fewer than 1 sign-in) is refused at its
// field, in words that say why and what is kept.
import { Checkbox, Field, makeStyles, SpinButton, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_MIN_SIGN_INS, type GateThresholds } from '../../domain/rollout/rollout-plan';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** What the spin button gives: a value by its arrows, the text as typed otherwise (not clamped to min and max). */
const valueOf = (data: { value?: number | null; displayValue?: string }) => {
  if (data.value !== undefined && data.value !== null) return data.value;
  const text = (data.displayValue ?? '').trim().replace(/\s*%$/, '');
  return text === '' ? Number.NaN : Number(text);
};

/** Below the default, what one blocked sign-in weighs: the admin sees how little a small sample judges. */
const smallSampleHint = (n: number) =>
  n < DEFAULT_MIN_SIGN_INS
    ? `A small sample judges little: over ${n} sign-in${n === 1 ? '' : 's'}, one blocked is already ${Math.round(100 / n)} %.`
    : undefined;

/** Why a share typed is refused, or null when it is taken. */
const shareRefusal = (value: number, kept: number) =>
  !Number.isFinite(value)
    ? `Type a number from 0 to 100. Kept at ${kept} %.`
    : value < 0 || value > 100
      ? `A share is from 0 to 100 %: ${value} is outside it. Kept at ${kept} %.`
      : null;

type Refusals = Partial<Record<'blocked' | 'interrupted' | 'minSignIns', string>>;

const fieldState = (refusal: string | undefined) =>
  refusal ? { validationState: 'error' as const, validationMessage: refusal } : { validationState: 'none' as const };

export function ThresholdFields({ thresholds, onChange }: { thresholds: GateThresholds; onChange(next: GateThresholds): void }) {
  const styles = useStyles();
  const interrupted = thresholds.maxInterruptedPercent;
  const [refusals, setRefusals] = useState<Refusals>({});
  const refuse = (field: keyof Refusals, why: string | null) => setRefusals((current) => ({ ...current, [field]: why ?? undefined }));
  return (
    <fieldset className={styles.row}>
      <legend>Gate between rings</legend>
      <Field label="Pause above this share blocked (%)" {...fieldState(refusals.blocked)}>
        <SpinButton
          min={0}
          max={100}
          value={thresholds.maxBlockedPercent}
          onChange={(_, data) => {
            const wanted = valueOf(data);
            const why = shareRefusal(wanted, thresholds.maxBlockedPercent);
            refuse('blocked', why);
            if (!why) onChange({ ...thresholds, maxBlockedPercent: wanted });
          }}
        />
      </Field>
      <Checkbox
        label="Pause on interruptions for a control too"
        checked={interrupted !== null}
        onChange={(_, data) => {
          refuse('interrupted', null);
          onChange({ ...thresholds, maxInterruptedPercent: data.checked ? 50 : null });
        }}
      />
      {interrupted !== null ? (
        <Field label="Pause above this share interrupted (%)" {...fieldState(refusals.interrupted)}>
          <SpinButton
            min={0}
            max={100}
            value={interrupted}
            onChange={(_, data) => {
              const wanted = valueOf(data);
              const why = shareRefusal(wanted, interrupted);
              refuse('interrupted', why);
              if (!why) onChange({ ...thresholds, maxInterruptedPercent: wanted });
            }}
          />
        </Field>
      ) : null}
      <Field label="Sign-ins to wait for before judging" hint={smallSampleHint(thresholds.minSignIns)} {...fieldState(refusals.minSignIns)}>
        <SpinButton
          min={1}
          value={thresholds.minSignIns}
          onChange={(_, data) => {
            const typed = valueOf(data);
            const wanted = Math.round(typed);
            const why = !Number.isFinite(typed)
              ? `Type a whole number, 1 or more. Kept at ${thresholds.minSignIns}.`
              : wanted < 1
                ? `At least 1: a gate that waits for no sign-in judges nothing. Kept at ${thresholds.minSignIns}.`
                : null;
            refuse('minSignIns', why);
            if (!why) onChange({ ...thresholds, minSignIns: wanted });
          }}
        />
      </Field>
    </fieldset>
  );
}

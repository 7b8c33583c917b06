// The locations (network) condition and the devices (filter) condition.
import { objectIn as obj, stringsIn as list } from '../../json';
import { deviceFilterScope } from '../device-filter';
import { inNamedLocation, locationName } from '../locations';
import { anyOf, configured, distinct, match, noMatch, unknown, unreadKeys, type Outcome, type Tri } from '../outcome';
import type { PreparedSignIn } from './prepared';

export function locationsOutcome(locations: unknown, p: PreparedSignIn): Outcome | null {
  const l = obj(locations);
  const include = list(l.includeLocations);
  const exclude = list(l.excludeLocations);
  if (include.length === 0 && exclude.length === 0) return null;
  const where = (id: string): Tri => inNamedLocation(id, p.signIn, p.context);
  const excluded = anyOf(exclude.map(where), '');
  if (excluded.value === true) return noMatch(`The sign-in is from an excluded location: ${excluded.why}.`);
  // Graph requires includeLocations; exclusions alone read as "any location" minus them.
  const included = include.length === 0 ? where('All') : anyOf(include.map(where), '');
  if (included.value === false)
    return noMatch(
      `The sign-in is from none of the locations the policy includes (${include.map((id) => locationName(id, p.context)).join(', ')}).`,
    );
  const open = [included, excluded].filter((t): t is Extract<Tri, { value: undefined }> => t.value === undefined);
  if (open.length > 0) {
    // The locations' words are clauses ("the IP address is not known"): here they make a sentence of their own.
    const why = distinct(open.map((t) => t.why)).join('; ');
    return unknown(
      `${why.charAt(0).toUpperCase()}${why.slice(1)}.`,
      open.flatMap((t) => t.missing),
    );
  }
  return match(
    include.includes('All') || include.length === 0
      ? `Any location is included${exclude.length ? ' and the sign-in is from none of the excluded ones' : ''}.`
      : `The sign-in is from an included location: ${included.why}.`,
  );
}

export function devicesOutcome(devices: unknown, p: PreparedSignIn): Outcome | null {
  const d = obj(devices);
  if (!configured(d)) return null;
  const unread = unreadKeys(d, ['deviceFilter'], 'conditions.devices');
  const filter = obj(d.deviceFilter);
  let outcome: Outcome | null = null;
  if (configured(filter)) {
    const answer = deviceFilterScope(filter, p.signIn.device);
    if ('error' in answer)
      outcome = unknown(`The device filter cannot be read${answer.column ? ` (column ${answer.column})` : ''}: ${answer.error}`, [
        'conditions.devices.deviceFilter',
      ]);
    else if (answer.inScope === undefined)
      outcome = unknown(`The device's ${answer.missing.join(', ')} ${answer.missing.length > 1 ? 'are' : 'is'} not known.`, answer.missing);
    else {
      const matched = answer.matched ? 'matches' : 'does not match';
      const registered = p.signIn.device?.registered === false ? 'The unregistered device (every property null)' : 'The device';
      const mode = filter.mode === 'include' ? 'included' : 'excluded';
      outcome = answer.inScope
        ? match(`${registered} ${matched} the filter of ${mode} devices.`)
        : noMatch(`${registered} ${matched} the filter of ${mode} devices.`);
    }
  }
  if (outcome?.kind === 'noMatch') return outcome;
  if (unread.length > 0) return unknown(`The policy sets ${unread.join(', ')}, which this engine does not evaluate.`, unread);
  return outcome;
}

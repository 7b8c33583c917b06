// Whether a sign-in is in a named location, in a trusted one, or in the legacy MFA trusted IPs. IP
// locations match the address against their CIDR ranges (IPv4 and IPv6); country locations match the
// country found from the address, or from the Authenticator app's GPS when the location says so
// (countryLookupMethod authenticatorAppGps). "Include unknown countries/regions" catches addresses that
// map to no country. 'AllTrusted' is every IP location marked trusted plus the MFA trusted IPs, which
// also stand alone as the location 00000000-0000-0000-0000-000000000000 (Entra docs,
// concept-assignment-network).
import { inCidr, parseCidr, parseIpAddress, type CidrRange, type IpAddress } from './ip-address';
import { no, notKnown, yes, type Tri } from './outcome';
import { nameOf, type EvaluationContext, type NamedLocationData, type SignInFacts } from './sign-in';

export const MFA_TRUSTED_IPS = '00000000-0000-0000-0000-000000000000';

type CompiledLocation =
  | { id: string; name: string; kind: 'ip'; ranges: CidrRange[]; trusted: boolean }
  | { id: string; name: string; kind: 'country'; countries: ReadonlySet<string>; includeUnknown: boolean; byGps: boolean }
  | { id: string; name: string; kind: 'other'; type: string };

interface CompiledLocations {
  byId: ReadonlyMap<string, CompiledLocation>;
  trusted: readonly Extract<CompiledLocation, { kind: 'ip' }>[];
}

const ranges = (cidrs: readonly (string | undefined)[]): CidrRange[] =>
  cidrs.flatMap((cidr) => {
    const range = cidr === undefined ? { error: '' } : parseCidr(cidr);
    // Graph refuses malformed ranges on write; one that slipped through matches nothing.
    return 'error' in range ? [] : [range];
  });

function compile(location: NamedLocationData): CompiledLocation {
  const name = location.displayName ?? location.id;
  const type =
    location['@odata.type'] ??
    (location.ipRanges ? '#microsoft.graph.ipNamedLocation' : location.countriesAndRegions ? '#microsoft.graph.countryNamedLocation' : '');
  if (type.endsWith('ipNamedLocation'))
    return {
      id: location.id,
      name,
      kind: 'ip',
      ranges: ranges((location.ipRanges ?? []).map((r) => r.cidrAddress)),
      trusted: location.isTrusted === true,
    };
  if (type.endsWith('countryNamedLocation'))
    return {
      id: location.id,
      name,
      kind: 'country',
      countries: new Set((location.countriesAndRegions ?? []).map((c) => c.toUpperCase())),
      includeUnknown: location.includeUnknownCountriesAndRegions === true,
      byGps: location.countryLookupMethod === 'authenticatorAppGps',
    };
  return { id: location.id, name, kind: 'other', type: type || 'no @odata.type' };
}

const compiled = new WeakMap<readonly NamedLocationData[], CompiledLocations>();

function compiledLocations(context: EvaluationContext): CompiledLocations {
  const list = context.namedLocations ?? [];
  let result = compiled.get(list);
  if (!result) {
    const all = list.map(compile);
    result = {
      byId: new Map(all.map((l) => [l.id.toLowerCase(), l])),
      trusted: all.filter((l): l is Extract<CompiledLocation, { kind: 'ip' }> => l.kind === 'ip' && l.trusted),
    };
    compiled.set(list, result);
  }
  return result;
}

const mfaRanges = new WeakMap<readonly string[], CidrRange[]>();

/** The sign-in's address, or why it cannot be used. */
function addressOf(signIn: SignInFacts): IpAddress | Tri {
  if (signIn.ipAddress === undefined) return notKnown('the IP address is not known', ['ipAddress']);
  return parseIpAddress(signIn.ipAddress) ?? notKnown(`'${signIn.ipAddress}' is not an IP address`, ['ipAddress']);
}

const isTri = (value: IpAddress | Tri): value is Tri => 'value' in value;

function inLocation(location: CompiledLocation, signIn: SignInFacts): Tri {
  const where = `the location ${location.name}`;
  if (location.kind === 'other')
    return notKnown(`${where} is of a kind this engine does not read (${location.type})`, [`context.namedLocations[${location.id}]`]);
  if (location.kind === 'ip') {
    const address = addressOf(signIn);
    if (isTri(address)) return address;
    return location.ranges.some((r) => inCidr(address, r))
      ? yes(`${signIn.ipAddress} is in ${where}`)
      : no(`${signIn.ipAddress} is not in ${where}`);
  }
  const field = location.byGps ? 'gpsCountry' : 'country';
  const country = signIn[field];
  const source = location.byGps ? 'GPS' : 'IP address';
  if (country === undefined) return notKnown(`the country (by ${source}) is not known, and ${where} is by country`, [field]);
  if (country === null)
    return location.includeUnknown ? yes(`an unknown country counts as in ${where}`) : no(`an unknown country is not in ${where}`);
  return location.countries.has(country.toUpperCase())
    ? yes(`${country.toUpperCase()} is in ${where}`)
    : no(`${country.toUpperCase()} is not in ${where}`);
}

function inMfaTrustedIps(signIn: SignInFacts, context: EvaluationContext): Tri {
  const cidrs = context.mfaTrustedIps;
  const address = addressOf(signIn);
  if (isTri(address)) return address;
  if (cidrs === undefined) return notKnown('the MFA trusted IPs (legacy) are not known', ['context.mfaTrustedIps']);
  let list = mfaRanges.get(cidrs);
  if (!list) mfaRanges.set(cidrs, (list = ranges(cidrs)));
  return list.some((r) => inCidr(address, r))
    ? yes(`${signIn.ipAddress} is in the MFA trusted IPs`)
    : no(`${signIn.ipAddress} is not in the MFA trusted IPs`);
}

/** Whether the sign-in is in any trusted location (trusted IP locations, then the MFA trusted IPs). */
function inTrusted(signIn: SignInFacts, context: EvaluationContext): Tri {
  const address = addressOf(signIn);
  if (isTri(address)) return address;
  const found = compiledLocations(context).trusted.find((l) => l.ranges.some((r) => inCidr(address, r)));
  if (found) return yes(`${signIn.ipAddress} is in the trusted location ${found.name}`);
  const mfa = inMfaTrustedIps(signIn, context);
  if (mfa.value === false) return no(`${signIn.ipAddress} is in no trusted location`);
  return mfa;
}

/** Whether the sign-in is in the location a policy names: an id, 'All', 'AllTrusted' or the MFA trusted IPs. */
export function inNamedLocation(id: string, signIn: SignInFacts, context: EvaluationContext): Tri {
  if (id === 'All') return yes('any location counts');
  if (id === 'AllTrusted') return inTrusted(signIn, context);
  if (id === MFA_TRUSTED_IPS) return inMfaTrustedIps(signIn, context);
  const location = compiledLocations(context).byId.get(id.toLowerCase());
  if (!location) {
    const name = nameOf(context.names, id) ?? id;
    return notKnown(`the named location ${name} is not among the named locations given`, [`context.namedLocations[${id}]`]);
  }
  return inLocation(location, signIn);
}

/** A location's name for reasons. */
export function locationName(id: string, context: EvaluationContext): string {
  if (id === 'AllTrusted') return 'all trusted locations';
  if (id === MFA_TRUSTED_IPS) return 'the MFA trusted IPs';
  return compiledLocations(context).byId.get(id.toLowerCase())?.name ?? nameOf(context.names, id) ?? id;
}

// What the scenario form says of the address and the country. An address that is not one cannot be
// evaluated by anyone (Graph or the engine), so it holds Evaluate and Save back; a country that is no
// ISO 3166 code is only warned of (it matches no country location, but Graph takes any string), per
// the project's rule to refuse only what Graph refuses.
import { ipAddressProblem, type ScenarioConditions } from '../../domain/evaluation/scenario';

// ISO 3166-1 alpha-2, the codes country named locations are written in (without CLDR's extras such as EU or XK).
const ISO_3166 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG ' +
    'CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL ' +
    'GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA ' +
    'LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP ' +
    'NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

export interface FieldCheck {
  state: 'error' | 'warning' | 'none';
  message?: string;
}

export const NO_CHECK: FieldCheck = { state: 'none' };

export function checkIpAddress(text: string): FieldCheck {
  const message = ipAddressProblem({ ipAddress: text });
  return message ? { state: 'error', message } : NO_CHECK;
}

export function checkCountry(text: string): FieldCheck {
  const value = text.trim().toUpperCase();
  if (!value) return NO_CHECK;
  if (!/^[A-Z]{2}$/.test(value))
    return {
      state: 'warning',
      message: `A country is two letters (its ISO 3166 code, such as NL): '${value}' will match no country location.`,
    };
  if (!ISO_3166.has(value))
    return { state: 'warning', message: `'${value}' is not an ISO 3166 country code: no country location will match it.` };
  return NO_CHECK;
}

/** The country's name in English ("Netherlands" for NL), when the browser knows it. */
export function countryName(code: string): string | null {
  const value = code.trim().toUpperCase();
  if (!ISO_3166.has(value)) return null;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(value) ?? null;
  } catch {
    return null;
  }
}

/** What must be corrected before the scenario can be evaluated or saved, as a sentence; null when nothing. */
export function conditionsToCorrect(c: ScenarioConditions): string | null {
  return checkIpAddress(c.ipAddress).state === 'error' ? 'Correct the IP address first.' : null;
}

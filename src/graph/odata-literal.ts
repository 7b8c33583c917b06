// OData string literals for $filter: a quote inside the value is doubled (O'Brien -> 'O''Brien'),
// and the clause is percent-encoded for the URL, so that '#' (guest sign-in names), '&' and '+'
// reach Graph as part of the value instead of ending it.

/** `'value'` with inner quotes doubled. */
export const odataLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `?$filter=<property> eq '<value>'`, encoded for a request URL (also inside a $batch). */
export const filterEq = (property: string, value: string) => `$filter=${encodeURIComponent(`${property} eq ${odataLiteral(value)}`)}`;

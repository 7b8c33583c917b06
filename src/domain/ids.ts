// Graph's object ids are GUIDs, the same in any case: a policy may name a user, group or role in capitals
// (a file written by hand, a script) and still mean the object Graph lists in lower case.

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether a list of ids holds this one, in any case. */
export const holdsId = (ids: readonly string[], id: string): boolean => ids.some((x) => sameId(x, id));

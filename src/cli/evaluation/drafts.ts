// Draft policies from files (--draft): a policy as Graph or a backup holds it. A draft with the id
// of a saved policy replaces it; one without an id (or with an id the tenant does not have) is a new
// policy. Every problem names the file.
import { resolve } from 'node:path';
import { isJsonObject, type JsonObject } from '../../domain/json';
import { CliError } from '../cli-error';
import { couldNotRead, keepSaid, parseUserJson, readUserText } from '../files';
import { isolatedText } from '../../domain/isolate';

export interface Draft {
  path: string;
  policy: JsonObject;
  /** The saved policy it replaces; null for a new one. */
  replaces: string | null;
  /** In words: "the draft of 'CA001: …' (draft.json)". */
  label: string;
}

/** A draft as its file holds it, before the tenant is read: what can be checked without signing in. */
export interface DraftFile {
  path: string;
  policy: JsonObject;
}

/**
 * The file read (from `cwd`, the command's working folder), parsed and checked to be a policy: a bad draft is
 * said before any sign-in. Messages and labels name `path` as given.
 */
export async function readDraftFile(path: string, cwd: string): Promise<DraftFile> {
  const text = await readUserText(resolve(cwd, path), path, 'a policy (JSON)').catch(keepSaid(couldNotRead('the draft', path)));
  const value = parseUserJson(text, path);
  if (!isJsonObject(value) || !isJsonObject(value.conditions) || !isJsonObject(value.conditions.users))
    throw new CliError(`${path} is not a Conditional Access policy (no conditions.users): give one policy as Graph returns it.`);
  return { path, policy: value };
}

/** The draft among the saved policies: which one it replaces, if any (what needs the tenant). */
export function placeDraft({ path, policy }: DraftFile, saved: readonly JsonObject[]): Draft {
  const id = typeof policy.id === 'string' ? policy.id : null;
  const replaces = id && saved.some((p) => p.id === id) ? id : null;
  const name = typeof policy.displayName === 'string' ? policy.displayName : '(no name)';
  return {
    path,
    policy,
    replaces,
    label: `${replaces ? 'the draft of' : 'the new policy'} '${isolatedText(name)}' (${isolatedText(path)})`,
  };
}

export async function readDraft(path: string, saved: readonly JsonObject[], cwd = process.cwd()): Promise<Draft> {
  return placeDraft(await readDraftFile(path, cwd), saved);
}

/** The saved policies with the drafts in place: each replaces the policy of its id, or is added. */
export function withDrafts(saved: readonly JsonObject[], drafts: readonly Draft[]): JsonObject[] {
  const replaced = new Set(drafts.flatMap((d) => (d.replaces ? [d.replaces] : [])));
  return [
    ...saved.filter((p) => typeof p.id !== 'string' || !replaced.has(p.id)),
    ...drafts.map((d, i) => ({ ...d.policy, id: d.replaces ?? `draft-${i + 1}` })),
  ];
}

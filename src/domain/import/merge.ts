// Merging what each file brought into one import: an object met twice (the same id in the same
// section, or, without ids, the same name and content) is kept once and the later file says so; two
// versions of one id are said to differ, the newer kept when both are dated, else the first read; a
// reference met twice keeps what each file knew of it; the origin is the first one a file gives.
import { SECTIONS, type SectionName } from '../bundle/bundle';
import type { JsonObject } from '../json';
import { sortKeys } from '../policy-body';
import { isolatedText } from '../isolate';
import { addDeviceParts } from './device-parts';
import type { FileContent } from './file-content';
import type { ImportSet, NamedReference, SectionReference } from './import-set';
import { listWords, plural, SECTION_WORDS } from './words';

interface Seen {
  /** By id: the file it was read from and the version kept. */
  byId: Map<string, { path: string; item: JsonObject }>;
  byContent: Map<string, string>;
  byName: Map<string, string>;
}

type Placed =
  | { kind: 'new' }
  | { kind: 'duplicate' | 'sameName'; path: string }
  | { kind: 'otherVersion'; path: string; earlier: JsonObject; laterKept: boolean };

const sameContent = (a: JsonObject, b: JsonObject) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

// Graph leaves modifiedDateTime null until a policy's first change: a version never changed is as old as its creation.
const changedAt = (item: JsonObject) => {
  const when = typeof item.modifiedDateTime === 'string' ? item.modifiedDateTime : item.createdDateTime;
  return typeof when === 'string' ? Date.parse(when) : NaN;
};

/** Whether this version changed after the other (modifiedDateTime, else createdDateTime): only when both say it. */
const isNewer = (item: JsonObject, other: JsonObject) => changedAt(item) > changedAt(other);

/** “CA001” in b.json has the id of the one in a.json but other content: which version is kept, and why. */
function otherVersionWords(one: string, item: JsonObject, path: string, placed: { path: string; earlier: JsonObject; laterKept: boolean }) {
  const name =
    typeof item.displayName === 'string'
      ? item.displayName
      : typeof placed.earlier.displayName === 'string'
        ? placed.earlier.displayName
        : String(item.id);
  const [kept, other] = placed.laterKept ? [path, placed.path] : [placed.path, path];
  const earlierNewer = isNewer(placed.earlier, item);
  const why = placed.laterKept || earlierNewer ? 'changed later' : 'read first';
  return `The ${one} “${isolatedText(name)}” is in ${isolatedText(placed.path)} and in ${isolatedText(path)} with the same id but different content: the version in ${isolatedText(kept)} is kept (${why}), not the one in ${isolatedText(other)}.`;
}

export class ImportMerger {
  readonly set: ImportSet;
  private readonly seen = new Map<SectionName, Seen>(
    SECTIONS.map((s) => [s, { byId: new Map(), byContent: new Map(), byName: new Map() }]),
  );
  private readonly references = new Map<string, NamedReference>();
  private readonly sectionReferences = new Map<string, SectionReference>();

  constructor(set: ImportSet) {
    this.set = set;
  }

  /** Adds a file's content; returns the sentence of its result. */
  add(path: string, content: FileContent): string {
    const counts: string[] = [];
    const notes: string[] = [];
    for (const section of ['policies', ...SECTIONS.filter((s) => s !== 'policies')] as SectionName[]) {
      const items = content.sections[section];
      if (items.length === 0) continue;
      const [one, many] = SECTION_WORDS[section];
      const duplicates = new Map<string, number>();
      const sameName: string[] = [];
      for (const item of items) {
        const earlier = this.place(section, item, path);
        if (earlier.kind === 'duplicate') duplicates.set(earlier.path, (duplicates.get(earlier.path) ?? 0) + 1);
        else if (earlier.kind === 'otherVersion') sameName.push(otherVersionWords(one, item, path, earlier));
        else if (earlier.kind === 'sameName')
          sameName.push(
            `“${isolatedText(String(item.displayName))}” is also in ${isolatedText(earlier.path)} with other content: both kept.`,
          );
      }
      counts.push(plural(items.length, one, many));
      for (const [from, count] of duplicates)
        notes.push(
          `${count === items.length ? (count === 1 ? `The ${one}` : `All ${count}`) : plural(count, one, many)} already read from ${isolatedText(from)}: kept once.`,
        );
      notes.push(...sameName);
    }
    for (const ref of content.references) this.addReference(ref);
    for (const ref of content.sectionReferences) this.addSectionReference(ref);
    notes.push(...this.addOrigin(content.origin));
    if (content.deviceParts) this.set.deviceParts = addDeviceParts(this.set.deviceParts, content.deviceParts);
    const what = listWords([...counts, ...content.holds]);
    return [what ? `${what[0]!.toUpperCase()}${what.slice(1)}.` : '', ...content.notes, ...notes].filter(Boolean).join(' ');
  }

  private place(section: SectionName, item: JsonObject, path: string): Placed {
    const seen = this.seen.get(section)!;
    const id = typeof item.id === 'string' && item.id !== '' ? item.id.toLowerCase() : null;
    if (id) {
      const earlier = seen.byId.get(id);
      if (!earlier) {
        seen.byId.set(id, { path, item });
        this.keep(section, item, path);
        return { kind: 'new' };
      }
      if (sameContent(earlier.item, item)) return { kind: 'duplicate', path: earlier.path };
      // Two versions of one object: the newer is kept where both say when they changed, else the first read.
      const laterKept = isNewer(item, earlier.item);
      if (laterKept) {
        const list = this.set.sections[section];
        const at = list.indexOf(earlier.item);
        list[at] = item;
        if (section === 'policies' && this.set.policyFiles) this.set.policyFiles[at] = path;
        seen.byId.set(id, { path, item });
      }
      return { kind: 'otherVersion', path: earlier.path, earlier: earlier.item, laterKept };
    }
    const content = JSON.stringify(item);
    const earlier = seen.byContent.get(content);
    if (earlier) return { kind: 'duplicate', path: earlier };
    seen.byContent.set(content, path);
    this.keep(section, item, path);
    const name = typeof item.displayName === 'string' ? item.displayName.toLowerCase() : null;
    const named = name ? seen.byName.get(name) : undefined;
    if (name && !named) seen.byName.set(name, path);
    return named ? { kind: 'sameName', path: named } : { kind: 'new' };
  }

  /** Adds an object to its section; a policy's file is kept beside it, in the same order. */
  private keep(section: SectionName, item: JsonObject, path: string) {
    this.set.sections[section].push(item);
    if (section === 'policies') (this.set.policyFiles ??= []).push(path);
  }

  private addReference(ref: NamedReference) {
    const key = `${ref.kind}:${ref.id.toLowerCase()}`;
    const earlier = this.references.get(key);
    if (!earlier) {
      const copy = { ...ref };
      this.references.set(key, copy);
      this.set.references.push(copy);
      return;
    }
    // Each file may know a different part: a migration table the name, a group file the mail too.
    for (const [field, value] of Object.entries(ref) as [keyof NamedReference, unknown][])
      if (value !== null && value !== undefined && (earlier[field] === null || earlier[field] === undefined))
        Object.assign(earlier, { [field]: value });
  }

  private addSectionReference(ref: SectionReference) {
    const key = `${ref.kind}:${ref.id.toLowerCase()}`;
    if (this.sectionReferences.has(key)) return;
    const copy = { ...ref };
    this.sectionReferences.set(key, copy);
    (this.set.sectionReferences ??= []).push(copy);
  }

  private addOrigin(origin: Partial<ImportSet['origin']>): string[] {
    const current = this.set.origin;
    const notes: string[] = [];
    if (origin.tenantId && current.tenantId && origin.tenantId.toLowerCase() !== current.tenantId.toLowerCase())
      notes.push(`Taken from tenant ${origin.tenantId}, not ${current.tenantId} as the files before it.`);
    for (const field of ['tenantId', 'tenantName', 'capturedAt', 'domain'] as const) {
      const value = origin[field];
      if (value && !current[field]) current[field] = value;
    }
    return notes;
  }
}

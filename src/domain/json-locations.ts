// Where a JSON path is in the text, for markers and dimming.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { JsonPath } from './policy-checks';

export interface TextRange {
  start: number;
  end: number;
}

// The tree of the text last located in: the editor places every mark (a large policy's draft can
// have hundreds) and every dimmed property in the same text, and parsed it again for each.
let last: { text: string; root: Node | undefined } | null = null;
function treeOf(text: string): Node | undefined {
  if (last?.text !== text) last = { text, root: parseTree(text) };
  return last.root;
}

/** The range of the value at `path`, or of the closest ancestor that exists. */
export function locate(text: string, path: JsonPath): TextRange {
  const root = treeOf(text);
  if (!root) return { start: 0, end: 1 };
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) {
      // A property's whole "key": value, so the key is marked too.
      const target: Node = node.parent?.type === 'property' ? node.parent : node;
      return { start: target.offset, end: target.offset + target.length };
    }
  }
  return { start: 0, end: 1 };
}

/** The range of the value at `path` (with its key), or null when the text has nothing there. */
export function locateExactly(text: string, path: JsonPath): TextRange | null {
  const root = treeOf(text);
  const node = root && findNodeAtLocation(root, path);
  if (!node) return null;
  const target: Node = node.parent?.type === 'property' ? node.parent : node;
  return { start: target.offset, end: target.offset + target.length };
}

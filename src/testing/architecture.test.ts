// The architecture, checked: no import cycles anywhere in src/, and the one-way layering that the
// linter enforces, asserted on the real import graph (resolved paths, not just import strings).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/**
 * Static imports by default: a dynamic import() is a deliberate lazy boundary, not a cycle. With
 * `dynamic`, lazy imports count too (a feature may not reach another one lazily either).
 */
function graph({ dynamic = false } = {}): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    const typeOnly = [...text.matchAll(/^\s*(?:import|export)\s+type\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    const lazy = dynamic ? [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!) : [];
    edges.set(
      file,
      [...specs.filter((s) => !typeOnly.includes(s)), ...lazy].map((s) => resolveImport(file, s)).filter((t): t is string => !!t),
    );
  }
  return edges;
}

const layer = (file: string) => relative(src, file).split('/')[0]!;

describe('architecture', () => {
  const edges = graph();

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push(
          stack
            .slice(stack.indexOf(file))
            .concat(file)
            .map((f) => relative(src, f))
            .join(' -> '),
        );
        return;
      }
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of edges.get(file) ?? []) visit(next);
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps imports flowing one way between the top folders', () => {
    const allowed: Record<string, string[]> = {
      domain: ['domain'],
      shared: ['shared', 'domain'],
      graph: ['graph', 'shared', 'domain'],
      auth: ['auth', 'shared', 'domain'],
      operations: ['operations', 'graph', 'auth', 'shared', 'domain'],
      session: ['session', 'operations', 'graph', 'auth', 'shared', 'domain'],
      'policy-ui': ['policy-ui', 'session', 'operations', 'graph', 'auth', 'shared', 'domain'],
      features: ['features', 'policy-ui', 'session', 'operations', 'graph', 'auth', 'shared', 'domain'],
      app: ['app', 'features', 'policy-ui', 'session', 'operations', 'graph', 'auth', 'shared', 'domain'],
      emulator: ['emulator'],
      // The Node command line: the core without the browser's layers; nothing imports it.
      cli: ['cli', 'operations', 'graph', 'domain'],
    };
    const violations: string[] = [];
    for (const [file, targets] of edges) {
      const from = layer(file);
      const permitted = allowed[from];
      if (!permitted) continue;
      for (const target of targets)
        if (!permitted.includes(layer(target))) violations.push(`${relative(src, file)} -> ${relative(src, target)}`);
    }
    expect(violations).toEqual([]);
  });

  it('lets nothing import the command line: it is a top of its own, beside app', () => {
    const intoCli = [...edges]
      .filter(([file]) => !['cli', 'testing'].includes(layer(file)))
      .flatMap(([file, targets]) => targets.filter((t) => layer(t) === 'cli').map((t) => `${relative(src, file)} -> ${relative(src, t)}`));
    expect(intoCli).toEqual([]);
    expect(edges.has(join(src, 'cli', 'main.ts'))).toBe(true);
  });

  it('keeps every feature folder from importing another, whatever its name', () => {
    const feature = (file: string) => {
      const [top, name] = relative(src, file).split('/');
      return top === 'features' ? name : null;
    };
    const violations: string[] = [];
    for (const [file, targets] of graph({ dynamic: true })) {
      const from = feature(file);
      if (!from) continue;
      for (const target of targets) {
        const to = feature(target);
        if (to && to !== from) violations.push(`${relative(src, file)} -> ${relative(src, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('gives every capability its own folder: no feature holds more than a third of the feature code', () => {
    const lines = new Map<string, number>();
    for (const file of files(join(src, 'features'))) {
      const name = relative(join(src, 'features'), file).split('/')[0]!;
      lines.set(name, (lines.get(name) ?? 0) + readFileSync(file, 'utf8').split('\n').length);
    }
    const total = [...lines.values()].reduce((a, b) => a + b, 0);
    expect(lines.size).toBeGreaterThanOrEqual(8);
    const oversized = [...lines].filter(([, count]) => count > total / 3).map(([name, count]) => `${name}: ${count} of ${total} lines`);
    expect(oversized).toEqual([]);
  });

  it('writes query keys in one place: every query comes from a factory, every key from src/session/query-keys.ts', () => {
    const handWritten: string[] = [];
    for (const file of files(src)) {
      const name = relative(src, file);
      // The console's queries; not the emulator's, nor the stand-ins tests give hooks (testing/).
      if (name === 'session/query-keys.ts' || name.startsWith('emulator/') || name.startsWith('testing/')) continue;
      const code = readFileSync(file, 'utf8');
      if (/queryKey:\s*\[/.test(code) || /\.\.\.\s*[\w.]*scopeKey\b/.test(code)) handWritten.push(name);
    }
    expect(handWritten).toEqual([]);
  });

  it('runs every write through a mutation: no feature calls a writing function of graph/ or operations/ itself', () => {
    // Writers: Graph functions given write scopes; and use cases (given a client or a context) in an
    // operations file that imports a writer, found until nothing new turns up. A use case that only
    // reads (a backup) is not a write.
    const writers = new Set<string>();
    for (const file of files(join(src, 'graph'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/export (?:async )?function (\w+)\([^)]*writeScopes/g)) writers.add(m[1]!);
    }
    const operations = files(join(src, 'operations')).map((file) => readFileSync(file, 'utf8'));
    for (let grown = true; grown;) {
      grown = false;
      for (const code of operations) {
        const imported = [...code.matchAll(/^\s*import\s+\{([^}]*)\}\s*from/gm)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()));
        if (!imported.some((name) => writers.has(name))) continue;
        const useCases =
          /export (?:(?:async )?function (\w+)\(\s*(?:context|client)\b|const (\w+) =\s*(?:async\s*)?\(\s*(?:context|client)\b)/g;
        for (const m of code.matchAll(useCases)) {
          const name = (m[1] ?? m[2])!;
          if (!writers.has(name)) grown = writers.add(name) !== undefined;
        }
      }
    }
    expect(writers).toContain('savePolicy');
    expect(writers).toContain('updatePolicy');
    expect(writers).toContain('bulkStep');
    expect(writers).not.toContain('exportTenant');
    const direct: string[] = [];
    for (const file of files(join(src, 'features'))) {
      for (const [, names, spec] of readFileSync(file, 'utf8').matchAll(/^\s*import\s+\{([^}]*)\}\s*from\s+['"]([^'"]+)['"]/gm)) {
        if (!/\/(graph|operations)\//.test(spec!)) continue;
        for (const name of names!.split(',').map((n) => n.trim()))
          if (writers.has(name)) direct.push(`${relative(src, file)} calls ${name}`);
      }
    }
    expect(direct).toEqual([]);
  });

  it('reads loose JSON through src/domain/json.ts, not through double casts scattered in the code', () => {
    const casts = files(src)
      .map((file) => relative(src, file))
      .filter((name) => name !== 'domain/json.ts' && !name.startsWith('emulator/'))
      .filter((name) => /\bas unknown as\b/.test(readFileSync(join(src, name), 'utf8')));
    expect(casts).toEqual([]);
  });

  it('keeps the domain pure: no React, DOM, network or storage, so it runs in Node as in the browser', () => {
    const packagesAllowed = new Set(['jsonc-parser', '@cfworker/json-schema', '@microsoft/microsoft-graph-types-beta']);
    const problems: string[] = [];
    for (const file of files(join(src, 'domain'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (!spec!.startsWith('.') && !packagesAllowed.has(spec!)) problems.push(`${relative(src, file)} imports ${spec}`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const global of ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'navigator']) {
        if (new RegExp(`\\b${global}\\s*[.(]`).test(code)) problems.push(`${relative(src, file)} uses ${global}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// Medians with their spread, sizes and rounding for the benchmark's figures.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: number[], digits = 0): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, runs: [] };
  return {
    median: round(median(values), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    runs: values.map((v) => round(v, digits)),
  };
}

export const kb = (bytes: number) => round(bytes / 1024, 1);
const gzipCache = new Map<string, number>();
export function gzipSize(file: string): number {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file)).length);
  return gzipCache.get(file)!;
}

/** Total blocking time of long tasks within [from, to]: each task's part inside the window, beyond 50 ms. */
export function blocking(tasks: { start: number; duration: number }[], from: number, to: number) {
  let total = 0;
  let longest = 0;
  for (const task of tasks) {
    const inside = Math.min(task.start + task.duration, to) - Math.max(task.start, from);
    if (inside <= 0) continue;
    total += Math.max(0, inside - 50);
    longest = Math.max(longest, task.duration);
  }
  return { tbt: total, longest };
}

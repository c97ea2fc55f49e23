// Prints the functions with the most self time in a V8 .cpuprofile (bench --profile-*):
// node --import tsx bench/profile-top.ts FILE [N]
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, n = '40'] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const agg = new Map<string, number>();
const pkg = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame;
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '');
  const key = `${f.functionName || '(anon)'}  ${where}:${f.lineNumber + 1}`;
  agg.set(key, (agg.get(key) ?? 0) + us);
  const group = f.url.includes('node_modules/') ? f.url.replace(/^.*node_modules\//, '').split('/').slice(0, f.url.includes('node_modules/@') ? 2 : 1).join('/') : f.url ? f.url.replace(/^file:\/\/\/work\/main\//, '').split('/').slice(0, 4).join('/') : f.functionName;
  pkg.set(group, (pkg.get(group) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n-- by package / folder`);
for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);
console.log('-- by function (self)');
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(`${pct(v)}  ${k}`);

// `make size`: where the release wasm's bytes are, by crate and by module of ours, so a change
// meant to shrink the first load is measured, not guessed (issue 16). The release build's wasm
// (target/…/release, which keeps function names) goes through the same wasm-bindgen and
// `wasm-opt -Oz` as Trunk's build, with `-g` so the names survive; `twiggy top` then gives each
// function's own bytes, summed here. Names and custom sections are left out of the totals: they
// are not in the wasm Trunk ships. Bytes are raw: the shipped file gzips to about 40% of them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const WASM = 'target/wasm32-unknown-unknown/release/probation-workbook.wasm';
const dir = mkdtempSync(join(tmpdir(), 'where-bytes-'));
try {
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', dir, WASM], { stdio: 'inherit' });
  const bound = join(dir, 'probation-workbook_bg.wasm');
  const named = join(dir, 'named.wasm');
  execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', bound, '-o', named], { stdio: 'inherit' });
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', named], { maxBuffer: 256 << 20 }).toString();

  /** One CSV line of twiggy's: a quoted or bare name, then the shallow size. */
  const rows = [];
  for (const line of csv.split('\n').slice(1)) {
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (match) rows.push({ name: match[1].replace(/^"|"$/g, '').replace(/""/g, '"'), bytes: Number(match[2]) });
  }
  const byCrate = new Map();
  const byModule = new Map();
  let code = 0;
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  for (const { name, bytes } of rows) {
    if (/subsection|^custom section/.test(name)) continue;
    code += bytes;
    if (/^data segment|^data\[/.test(name)) { add(byCrate, '(data: strings and tables)', bytes); continue; }
    // Serialization code, whichever crate it is named after: the derived impls are ours, the
    // generic drivers serde's, and they grow together.
    if (/erializ|Visitor/.test(name)) { add(byCrate, '(serde: derived impls and drivers)', bytes); continue; }
    const bare = name.replace(/^(<|&|\*mut |\*const |dyn )+/, '');
    const crate = bare.match(/^[A-Za-z_]\w*/)?.[0] ?? '(other)';
    add(byCrate, crate, bytes);
    if (crate === 'probation_workbook') add(byModule, bare.split('::').slice(1, 3).join('::'), bytes);
  }
  const shipped = readdirSync('dist').find((file) => file.endsWith('_bg.wasm'));
  const shippedBytes = shipped ? statSync(join('dist', shipped)).size : 0;
  const shippedGz = shipped ? gzipSync(readFileSync(join('dist', shipped)), { level: 9 }).length : 0;
  const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
  const share = (bytes) => `${((100 * bytes) / code).toFixed(1).padStart(5)}%`;
  console.log(`wasm without names: ${kib(code)} KiB raw (dist/${shipped}: ${kib(shippedBytes).trim()} KiB raw, ${kib(shippedGz).trim()} KiB gzipped)`);
  console.log('\nby crate (the 25 largest):');
  for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${kib(bytes)} KiB ${share(bytes)}  ${crate}`);
  console.log('\nprobation_workbook by module (the 30 largest):');
  for (const [module, bytes] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${kib(bytes)} KiB ${share(bytes)}  ${module}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

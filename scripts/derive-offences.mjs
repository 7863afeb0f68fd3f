#!/usr/bin/env node
// Derives assets/offences/offences.tsv, the offence list the app ships, from the two Ministry of Justice
// data files in ../shared/data/offences (MIT licence, Crown Copyright; the licence is copied beside it).
//
// Usage, from the repository root: node scripts/derive-offences.mjs
// Plain Node 20, no dependencies. Output is sorted by code so a re-run gives the same bytes.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'data', 'offences');
const target = join(root, 'assets', 'offences');

/** OGRS3 weight per 5-digit code, as written in the CSV ('' when blank). */
function readWeights(csvText) {
  const lines = csvText.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0].split(',').map((name) => name.trim());
  const column = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`offence-code-mapping.csv has no ${name} column`);
    return index;
  };
  const group = column('OFFENCE_GROUP_CODE');
  const sub = column('SUB_CODE');
  const weight = column('OGRS3_WEIGHTING');
  const weights = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((cell) => cell.trim());
    weights.set(cells[group] + cells[sub], cells[weight]);
  }
  return weights;
}

/** Trims and collapses runs of whitespace, so the TSV never holds a tab or newline inside a field. */
function tidy(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

const weights = readWeights(readFileSync(join(source, 'offence-code-mapping.csv'), 'utf8'));
const offences = JSON.parse(readFileSync(join(source, 'actuarial-mapping.json'), 'utf8'));

const rows = Object.keys(offences)
  .filter((code) => /^\d{5}$/.test(code))
  .sort()
  .map((code) => {
    const entry = offences[code];
    const category = tidy(entry.categoryDescription);
    let subCategory = tidy(entry.subCategoryDescription);
    if (subCategory.toLowerCase() === category.toLowerCase()) subCategory = '';
    return [
      code,
      weights.get(code) ?? '',
      entry.flags?.isViolentSanction ? '1' : '0',
      tidy(entry.parentGroupDescription),
      category,
      subCategory,
    ].join('\t');
  });

const header =
  '# Offence codes with OGRS3 weights, derived by scripts/derive-offences.mjs from ministryofjustice/' +
  'hmpps-arns-risk-actuarial-api offence-code-mapping.csv and actuarial-mapping.json (MIT licence, ' +
  'Crown Copyright (Ministry of Justice); see LICENSE). Columns: code, ogrs3_weight (blank = too coarse, ' +
  '999 = not usable), violent (1/0), group, category, sub_category.';

mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'offences.tsv'), [header, ...rows].join('\n') + '\n');
// The predictors' list: the first three columns only, fetched beside every section (the full list
// only where an offence is named: the offence picker, check answers, the export).
const weightsHeader = header.replace(/Columns: .*$/, 'Columns: code, ogrs3_weight (blank = too coarse, 999 = not usable), violent (1/0); the words are in offences.tsv.');
writeFileSync(join(target, 'offence-weights.tsv'), [weightsHeader, ...rows.map((row) => row.split('\t').slice(0, 3).join('\t'))].join('\n') + '\n');
// Written rather than copied, so the copy does not inherit a read-only mode from the source.
writeFileSync(join(target, 'LICENSE'), readFileSync(join(source, 'LICENSE')));
console.log(`wrote ${rows.length} offences to assets/offences/offences.tsv and offence-weights.tsv`);

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

// R1.2's offences of concern (domain.md §3) by Home Office code, for pre-filling the screening from
// 1.1 and flagging a screening that leaves one out. There is no published list by code: this is our
// rule over the Home Office groups and descriptions above, kept here so it can be read and re-run.
function concerns(code, entry) {
  const group = code.slice(0, 3);
  const parent = tidy(entry.parentGroupDescription);
  // The most specific words: a sub-category where there is one ("Malicious wounding and other like
  // offences" covers stalking too), else the category.
  const category = tidy(entry.categoryDescription);
  const subCategory = tidy(entry.subCategoryDescription).replace(/\[Use this code only.*?\]/i, '').trim();
  const text = (subCategory || category).toLowerCase();
  const keys = [];
  const add = (key, yes) => { if (yes && !keys.includes(key)) keys.push(key); };
  add('murder', parent === 'Violence against the person' && ['001', '002', '003', '004'].includes(group));
  add('wounding', group === '005' || /wounding|grievous bodily harm|\bgbh\b/.test(text));
  add('arson', group === '056' || /\barson\b/.test(text));
  add('robbery', group === '034' || /\brobbery\b|assaults? with intent to rob/.test(text));
  add('aggravated_burglary', /aggravated burglary/.test(text));
  add('kidnap', /kidnap|false imprisonment|hostage/.test(text));
  const sexual = parent === 'Sexual offences' && !/bigamy|libel/.test(text);
  const child = /child|under (1[0-7]|[0-9])\b|girl|boy|minor|young person/.test(text);
  add('sexual_child', sexual && child);
  add('sexual_adult', sexual && !child);
  add('weapons', /firearm|offensive weapon|\bknife|\bknives|bladed|\bweapon/.test(text));
  add('aggravated', /racially|religiously/.test(text));
  add('custody', /prison mutiny/.test(text));
  return keys;
}

const concernRows = Object.keys(offences)
  .filter((code) => /^\d{5}$/.test(code))
  .sort()
  .map((code) => [code, concerns(code, offences[code])])
  .filter(([, keys]) => keys.length > 0)
  .map(([code, keys]) => `${code}\t${keys.join(',')}`);
const concernHeader =
  '# R1.2 offences of concern by Home Office offence code: code, then the R1.2 rows it falls under. Derived by ' +
  'scripts/derive-offences.mjs (its `concerns` rule, ours: there is no published list by code) from the ' +
  'group and descriptions in ministryofjustice/hmpps-arns-risk-actuarial-api actuarial-mapping.json (MIT licence, ' +
  'Crown Copyright (Ministry of Justice); see assets/offences/LICENSE).';
writeFileSync(join(root, 'src', 'domain', 'questionnaire', 'offences-of-concern.tsv'), [concernHeader, ...concernRows].join('\n') + '\n');
console.log(`wrote ${concernRows.length} offences of concern to src/domain/questionnaire/offences-of-concern.tsv`);

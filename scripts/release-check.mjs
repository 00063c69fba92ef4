#!/usr/bin/env node
// Checks that a release of VERSION (x.y.z) can be made from this checkout, before anything is
// tagged or published: package.json says that version and CHANGELOG.md has a `## VERSION`
// section with something in it. Prints the section (the release notes) to --notes FILE and, on
// GitHub (GITHUB_OUTPUT), the outputs tag (vX.Y.Z) and channel (vX). Plain Node, no packages:
// it runs before the npm modules are installed, on the runner's own Node.
//
//   node scripts/release-check.mjs 0.2.0 [--notes notes.md]
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message, fix) {
  // Workflow commands are read from standard output.
  console.log(`::error title=Release refused::${message}`);
  if (fix) console.error(`Fix: ${fix}`);
  process.exit(1);
}

/** The text of `## <version>` (the heading may add a date: `## 0.2.0 - 2026-01-31`), or undefined. */
function changelogSection(changelog, version) {
  const lines = changelog.replaceAll('\r\n', '\n').split('\n');
  const heading = new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

const args = process.argv.slice(2);
const notesAt = args.indexOf('--notes');
const notesFile = notesAt >= 0 ? args[notesAt + 1] : undefined;
if (notesAt >= 0 && !notesFile) fail('--notes needs a file name');
const version = (
  notesAt >= 0 ? args.filter((_, i) => i !== notesAt && i !== notesAt + 1) : args
)[0];

if (!version || !/^\d+\.\d+\.\d+$/.test(version))
  fail(
    `"${version ?? ''}" is not a version to release`,
    'Give the version as x.y.z, e.g. 0.2.0 (no leading v).',
  );

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
if (manifest.version !== version)
  fail(
    `package.json has version ${manifest.version}, not ${version}`,
    `Set "version": "${version}" in package.json (and rebuild dist/), merge that, then release.`,
  );

let changelog;
try {
  changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
} catch {
  fail('CHANGELOG.md is missing');
}
const notes = changelogSection(changelog, version);
if (notes === undefined)
  fail(
    `CHANGELOG.md has no "## ${version}" section`,
    `Rename "## Unreleased" to "## ${version}" (and start a new, empty Unreleased section).`,
  );
if (notes === '')
  fail(`CHANGELOG.md's "## ${version}" section is empty`, 'Say what the release changes.');

const tag = `v${version}`;
const channel = `v${version.split('.')[0]}`;
if (notesFile) writeFileSync(notesFile, `${notes}\n`);
if (process.env.GITHUB_OUTPUT)
  appendFileSync(process.env.GITHUB_OUTPUT, `tag=${tag}\nchannel=${channel}\n`);
console.log(`Release ${tag} (moves ${channel}): package.json and CHANGELOG.md agree.`);

#!/usr/bin/env node
// The npm registry reachable from the build machines does not serve every platform build of
// packages such as @swc/core (darwin, win32, ...). `npm install` then leaves those optional
// packages out of package-lock.json, and `npm ci` refuses the lock as out of sync. This adds
// each missing optional package with the os/cpu its name declares, so npm ci skips it on Linux.
// Run after changing dependencies: `npm run lock:complete`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const added = [];
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const tokens = name.split(/[-/]/);
    const entry = { version: version.replace(/^[\^~=]/, ''), optional: true };
    if (meta.dev) entry.dev = true;
    const os = tokens.find((t) => OS.includes(t));
    const cpu = tokens.find((t) => CPU.includes(t));
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (tokens.some((t) => t.startsWith('musl'))) entry.libc = ['musl'];
    else if (tokens.some((t) => t === 'gnu' || t === 'gnueabihf')) entry.libc = ['glibc'];
    lock.packages[key] = entry;
    added.push(name);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} optional platform packages: ${added.join(', ')}` : 'package-lock.json is complete');

/* global URL, console */
/* eslint-disable no-console -- a command-line tool reports on stdout */
// npm leaves rollup's platform packages for other systems out of package-lock.json when the
// registry this machine reaches does not serve them, and `npm ci` then refuses the lock as out of
// sync. This adds an entry for each missing one, marked optional with the os/cpu npm uses to skip
// it, so `npm ci` installs exactly what the lock says. Run after any `npm install` that touches
// rollup: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const platform = (name) => {
  const [, os, cpu, libc] = name.match(/rollup-([a-z]+)-([a-z0-9]+)(?:-([a-z]+))?$/) ?? [];
  const cpuMap = { arm: "arm", arm64: "arm64", x64: "x64", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x" };
  const osMap = { android: "android", darwin: "darwin", freebsd: "freebsd", linux: "linux", openbsd: "openbsd", openharmony: "openharmony", win32: "win32" };
  const entry = { os: [osMap[os] ?? os], cpu: [cpuMap[cpu] ?? cpu] };
  if (os === "linux" && libc) entry.libc = [libc.startsWith("musl") ? "musl" : "glibc"];
  return entry;
};

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (!name.startsWith("@rollup/rollup-")) continue;
    const key = `${path ? `${path}/` : ""}node_modules/${name}`.replace(/^node_modules\/rollup\/node_modules\//, "node_modules/");
    const flat = `node_modules/${name}`;
    if (packages[flat] || packages[key]) continue;
    packages[flat] = { version, dev: pkg.dev || undefined, optional: true, license: "MIT", ...platform(name) };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);

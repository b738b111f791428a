import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock } from './build-lock.ts';

const lockFile = () => join(mkdtempSync(join(tmpdir(), 'dossier-lock-')), 'build.lock');
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the build lock', () => {
  it('holds this process’s pid, refuses a second taker while held, and is gone once released', () => {
    const file = lockFile();
    const release = acquireBuildLock(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    expect(() => acquireBuildLock(file)).toThrow(
      new RegExp(
        `^Another build \\(pid ${process.pid}, started [^)]+\\) is running in this project; .* If no build is running, delete ${file}\\.$`,
      ),
    );
    release();
    expect(existsSync(file)).toBe(false);
    acquireBuildLock(file)();
  });

  it('refuses while another live process holds it', () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ pid: process.ppid, started: '2026-01-01T00:00:00.000Z' }));
    expect(() => acquireBuildLock(file)).toThrow(
      `Another build (pid ${process.ppid}, started 2026-01-01T00:00:00.000Z) is running`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock left by a build that died', () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ pid: deadPid(), started: '2026-01-01T00:00:00.000Z' }));
    const release = acquireBuildLock(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('waits out a lock still being written, and takes over one that never was', () => {
    const file = lockFile();
    writeFileSync(file, '');
    expect(() => acquireBuildLock(file)).toThrow(/^Another build is running/);
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    acquireBuildLock(file)();
  });

  it('releases only its own lock', () => {
    const file = lockFile();
    const release = acquireBuildLock(file);
    writeFileSync(file, JSON.stringify({ pid: process.ppid, started: 'later' }));
    release();
    expect(existsSync(file)).toBe(true);
  });
});

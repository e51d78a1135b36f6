/**
 * One process's CPU time and memory as Linux reports them in /proc, read from another process:
 * the bench's figures for the app's own processes, apart from the bench's (which also runs the
 * sandboxes). Linux only, as the bench is.
 */
import { readFileSync } from 'node:fs';

/** User + system CPU time so far, in ms: fields 14 and 15 of /proc/<pid>/stat (proc(5)). */
export function processCpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
  const ticks = Number(fields?.[11] ?? 0) + Number(fields?.[12] ?? 0);
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** A /proc/<pid>/status size in MB: VmRSS (resident now) or VmHWM (peak resident since start). */
export function processMemoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

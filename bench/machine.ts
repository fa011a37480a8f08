import fs from 'node:fs';
import os from 'node:os';

/** What the figures were measured on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  date: string;
  loadAverage: string;
}

/** The machine this process runs on: `nproc`, the CPU model from /proc/cpuinfo, memory, Node. */
export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: the model os.cpus() gives will do.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  };
}

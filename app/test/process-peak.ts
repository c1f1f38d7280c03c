// The kernel's high-water mark of this process's resident size (Linux's VmHWM), which sees
// every thread, native cache and allocator arena that sampling process.memoryUsage() between
// two ticks can miss. bench:import and the roster memory test reset it before an import and
// read it after.
import { readFileSync, writeFileSync } from "node:fs";

/** The kernel's peak resident size of this process in bytes, or null off Linux. */
export function kernelPeak(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak to the present resident size; false where it cannot. */
export function resetKernelPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

import { execFileSync } from "node:child_process";
import { cpus } from "node:os";

/** What hardware detection asks the machine; injected in tests so that they never depend on it. */
export interface HardwareProbe {
  /** GPU names, one per device (nvidia-smi), or null when there is no NVIDIA driver. */
  gpuNames: () => string[] | null;
  /** The CPU model and its logical core count, or null. */
  cpu: () => { model: string; cores: number } | null;
}

export const systemHardwareProbe: HardwareProbe = {
  gpuNames: () => {
    try {
      const output = execFileSync("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"], {
        encoding: "utf8",
        timeout: 5000,
        stdio: ["ignore", "pipe", "ignore"],
      });
      const names = output
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return names.length > 0 ? names : null;
    } catch {
      return null;
    }
  },
  cpu: () => {
    const list = cpus();
    const model = list[0]?.model.trim();
    return model ? { model, cores: list.length } : null;
  },
};

/** `2 x NVIDIA H100 80GB HBM3`, or the CPU (`CPU: AMD EPYC 7B13, 2 cores`) when no GPU answers. */
export function detectHardware(probe: HardwareProbe = systemHardwareProbe): string | null {
  const gpus = probe.gpuNames();
  if (gpus && gpus.length > 0) {
    const counts = new Map<string, number>();
    for (const name of gpus) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].map(([name, count]) => `${count} x ${name}`).join(", ");
  }
  const cpu = probe.cpu();
  return cpu ? `CPU: ${cpu.model}, ${cpu.cores} cores` : null;
}

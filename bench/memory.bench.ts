import type { Child } from './support/children.ts';
import type { BenchRow } from './support/context.ts';

/** The server's RSS: idle right after start (the baseline), then sampled every 250 ms through every benchmark. */
export function startRssSampler(server: Child) {
  const idleMb = server.rssMb();
  let peak = idleMb;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.rssMb());
    } catch {
      // the server has exited; the run reports that elsewhere
    }
  }, 250);
  timer.unref();
  return { idleMb, peakMb: () => peak, stop: () => clearInterval(timer) };
}

/** 6. The server's resident memory at the end of the runs, against the idle server's. Target ≤ 500 MB. */
export function memoryRow(idleMb: number, finalMb: number, peakMb: number): BenchRow {
  return {
    benchmark: '6 服务器内存 RSS（运行结束时）',
    figure: `${Math.round(finalMb)} MB（运行中峰值 ${Math.round(Math.max(peakMb, finalMb))} MB）`,
    target: '≤ 500 MB',
    baseline: `空闲启动后：${Math.round(idleMb)} MB`,
    ratio: finalMb / idleMb,
    isPass: finalMb <= 500,
  };
}

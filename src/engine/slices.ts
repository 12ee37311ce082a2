/**
 * The one slicing clock: runs a generator of small steps, handing the main thread back to
 * the page whenever a slice has run for `sliceMs`, and measures our own time (yields
 * excluded). The scan, the language analysis and the page session all run on it.
 */
export interface SliceClock {
  sliceMs: number;
  now(): number;
  yieldToPage(): Promise<void>;
}

export interface SlicedResult<T> {
  value: T;
  /** Our main-thread time, summed over slices. */
  busyMs: number;
  /** The longest single slice: our longest task. */
  longestSliceMs: number;
}

/** Runs each slice inside `guard` (the page watcher switches its observer off meanwhile). */
export type EditGuard = (edit: () => void) => void;

export async function runSliced<T>(steps: Generator<void, T>, clock: SliceClock, guard: EditGuard): Promise<SlicedResult<T>> {
  let busyMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    let result: { value: T } | undefined;
    const sliceStart = clock.now();
    guard(() => {
      for (;;) {
        const step = steps.next();
        if (step.done) return void (result = { value: step.value });
        if (clock.now() - sliceStart >= clock.sliceMs) return;
      }
    });
    const slice = clock.now() - sliceStart;
    busyMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
    if (result) return { value: result.value, busyMs, longestSliceMs };
    await clock.yieldToPage();
  }
}

/** Runs every step at once, inside one guarded edit (Node, tests, small subtrees). */
export function runAtOnce<T>(steps: Generator<void, T>, guard: EditGuard): T {
  let result: { value: T } | undefined;
  guard(() => {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return void (result = { value: step.value });
    }
  });
  return result!.value;
}

/**
 * The browser's clock: slices of `sliceMs`, yielding with a timer. Not scheduler.yield: its
 * continuation runs ahead of the page's own queued tasks, so a long sliced job kept the page's
 * timers waiting (a page ticking every 10 ms was late by 120-220 ms with no long task).
 */
export function pageClock(sliceMs: number): SliceClock {
  return {
    sliceMs,
    now: () => performance.now(),
    yieldToPage() {
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

// What every progress display offers the runner: hear events, then finish drawing.
import type { RunEvent } from "../run/run-events.js";

/** A display of a run's progress, driven only by RunEvents. */
export interface ProgressRenderer {
  /** Called for every event, in order. Never throws. */
  onEvent(event: RunEvent): void;
  /** Finishes the display (final frame, pending warnings); call once, after the last event. */
  close(): void | Promise<void>;
}

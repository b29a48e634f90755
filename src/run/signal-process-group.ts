// Signalling a child's whole process group (the child and everything it started).

/** Sends a signal to process group `pgid`; false when the group no longer exists. Signal 0 only probes. */
export type SignalGroup = (pgid: number, signal: NodeJS.Signals | 0) => boolean;

/** The real thing: kill(-pgid, signal). */
export const signalProcessGroup: SignalGroup = (pgid, signal) => {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EPERM: the group exists but holds a process we may not signal; treat it as gone for us.
    if (code === "ESRCH" || code === "EPERM") return false;
    throw error;
  }
};

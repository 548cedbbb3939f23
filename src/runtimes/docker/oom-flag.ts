// Docker's OOMKilled flag arrives by its own event, apart from the container's exit: an inspect right
// after the exit can still read false for a container the kernel's OOM killer ended (seen on a loaded
// machine: one of two identical out-of-memory runs came back as exit 137 without the flag, and would
// have been an agent_error). A container that died of SIGKILL (exit 137) which bench did not send is
// inspected again for a short while until the flag shows; any other exit is taken as it is.

export const OOM_SETTLE_MS = 2000;
const STEP_MS = 100;

export interface OomFacts {
  exitCode: number;
  oomKilled: boolean;
  /** bench stopped the container itself (time limit, cancel, disk): its SIGKILL says nothing of memory. */
  stoppedByBench: boolean;
}

/** The OOM flag once settled: `inspect` is asked again while the exit looks like an OOM kill. */
export async function settledOomKilled(
  facts: OomFacts,
  inspect: () => Promise<{ oomKilled: boolean }>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  settleMs = OOM_SETTLE_MS,
): Promise<boolean> {
  if (facts.oomKilled || facts.stoppedByBench || facts.exitCode !== 137) return facts.oomKilled;
  for (let waited = 0; waited < settleMs; waited += STEP_MS) {
    await wait(STEP_MS);
    if ((await inspect()).oomKilled) return true;
  }
  return false;
}

/**
 * Long work in the HTTP process (an import's batch, a PDF's rows) is synchronous JavaScript between
 * its awaits: it calls `giveWay()` between slices, so that the event loop answers other users'
 * requests before it goes on (a resolved promise would not do: it runs before any I/O). While an
 * interactive request is being answered, the pause is a few milliseconds longer, so that on a busy
 * machine the request's own steps get the processor first — the event loop's counterpart of the
 * embedded database's fair lock.
 */

/** Pause between two slices while a request is being answered. */
const PAUSE_MS = 4;

let answering = 0;

/** An interactive request begins; the returned function says it is answered (its response is on its way). */
export function interactiveRequest(): () => void {
  answering += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    answering -= 1;
  };
}

export function giveWay(): Promise<void> {
  return answering > 0 ? new Promise((resolve) => setTimeout(resolve, PAUSE_MS)) : new Promise((resolve) => setImmediate(resolve));
}

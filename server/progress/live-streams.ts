import "server-only";

const STREAMS = Symbol.for("chronoframe.live-streams");
interface LiveStreams {
  ends: Set<() => void>;
  ended: boolean;
}
type Holder = typeof globalThis & { [STREAMS]?: LiveStreams };

function liveStreams(): LiveStreams {
  const holder = globalThis as Holder;
  holder[STREAMS] ??= { ends: new Set(), ended: false };
  return holder[STREAMS];
}

/**
 * Registers an open Server-Sent Events stream by what ends it; returns the function that
 * forgets it (the client went away). Once the server is stopping, a new stream is ended at once.
 */
export function trackLiveStream(end: () => void): () => void {
  const streams = liveStreams();
  if (streams.ended) {
    end();
    return () => {};
  }
  streams.ends.add(end);
  return () => streams.ends.delete(end);
}

/**
 * Ends every open stream (the server is stopping): an open stream would otherwise hold the
 * server up forever. Browsers reconnect by themselves and then read the rows again.
 */
export function endLiveStreams(): void {
  const streams = liveStreams();
  streams.ended = true;
  for (const end of [...streams.ends]) end();
  streams.ends.clear();
}

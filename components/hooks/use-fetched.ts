"use client";

import { useEffect, useState } from "react";

export interface Fetched<T> {
  /** The last data read; it stays while the next request runs. */
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Reads data for a component with `load` (nothing while it is null) whenever `key`, which
 * names the request, changes; after `delayMs` without another change, so that dragging and
 * typing do not send a request per step. A request replaced by the next one is aborted and
 * its failure is not shown.
 */
export function useFetched<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: string, delayMs = 0): Fetched<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      load(controller.signal)
        .then((loaded) => {
          setData(loaded);
          setError(null);
        })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) setError(reason instanceof Error ? reason.message : String(reason));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` names the request (and changes when `load` comes or goes); `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);

  return { data, error, loading };
}

"use client";

import { useCallback, useState } from "react";
import { jobChannel } from "@/lib/contracts/channels";
import { JOB_EVENT, jobDetailSchema, type JobDetail, type JobEvent } from "@/lib/contracts/job-view";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { useLiveChannel } from "./use-live-channel";

interface Followed {
  job: JobDetail;
  /** When this page first saw the job running, and how far it was then: the basis of the time left. */
  since: { at: number; progress: number } | null;
  secondsLeft: number | null;
}

function follow(current: Followed | null, job: JobDetail, now: number): Followed {
  if (current && current.job.id === job.id && current.job.seq > job.seq) return current;
  const sameJob = current?.job.id === job.id ? current : null;
  if (job.status !== "running") return { job, since: sameJob?.since ?? null, secondsLeft: null };
  const since = sameJob?.since ?? { at: now, progress: job.progress };
  const done = job.progress - since.progress;
  // Only once the job has moved a little: the first percent says nothing about the rest.
  const secondsLeft = done > 0.02 ? ((1 - job.progress) * (now - since.at)) / done / 1000 : null;
  return { job, since, secondsLeft };
}

/**
 * Follows one of the user's jobs: re-reads it on every (re)connection and takes each event
 * that is newer (by `seq`) than what it has. `job` is null until the first read.
 */
export function useJob(transport: LiveTransport, jobId: string): { job: JobDetail | null; secondsLeft: number | null; connected: boolean } {
  const [followed, setFollowed] = useState<Followed | null>(null);
  const take = useCallback((job: JobDetail) => {
    const now = Date.now();
    setFollowed((current) => follow(current, job, now));
  }, []);
  const read = useCallback(
    () =>
      void fetch(`/api/jobs/${encodeURIComponent(jobId)}`, { cache: "no-store" })
        .then((response) => (response.ok ? response.json() : null))
        .then((body) => {
          const parsed = jobDetailSchema.safeParse(body);
          if (parsed.success) take(parsed.data);
        })
        .catch(() => undefined),
    [jobId, take],
  );
  const connected = useLiveChannel(transport, jobChannel(jobId), [JOB_EVENT], {
    onSync: read,
    onEvent: (_event, data) => {
      const parsed = jobDetailSchema.safeParse((data as Partial<JobEvent> | null)?.job);
      if (parsed.success) take(parsed.data);
    },
  });
  const current = followed?.job.id === jobId ? followed : null;
  return { job: current?.job ?? null, secondsLeft: current?.secondsLeft ?? null, connected };
}

"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { removeUpload, retryUpload } from "@/app/datasets/actions";
import type { UploadView } from "@/lib/contracts/upload-view";

interface UploadRowActionsProps {
  upload: UploadView;
  /** After the server did it: the page reads the rows again. */
  onChanged: () => void;
  onError: (message: string | null) => void;
}

/**
 * Retry (where the server says it can help) and Remove, asked twice, for an upload no job is
 * working on. What the server answers is what the row then shows.
 */
export function UploadRowActions({ upload, onChanged, onError }: UploadRowActionsProps) {
  const t = useTranslations("datasets");
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const act = (action: (id: string) => Promise<{ ok: true } | { ok: false; error: string }>) =>
    startTransition(async () => {
      onError(null);
      const result = await action(upload.id);
      setConfirming(false);
      if (result.ok) onChanged();
      else onError(result.error);
    });

  if (confirming) {
    return (
      <>
        <button type="button" className="button danger" disabled={pending} onClick={() => act(removeUpload)}>
          {t("removeConfirm")}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => setConfirming(false)}>
          {t("keep")}
        </button>
      </>
    );
  }
  return (
    <>
      {upload.canRetry ? (
        <button type="button" className="button" disabled={pending} onClick={() => act(retryUpload)}>
          {t("retry")}
        </button>
      ) : null}
      <button type="button" className="button" disabled={pending} onClick={() => setConfirming(true)}>
        {t("remove")}
      </button>
    </>
  );
}

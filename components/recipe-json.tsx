"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** The recipe as JSON to read and copy, and a box to paste one in (validated by the editor, not here). */
export function RecipeJson({ value, onPaste }: { value: unknown; onPaste: (recipe: Record<string, unknown> & { steps: unknown[] }) => void }) {
  const t = useTranslations("process.json");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const json = JSON.stringify(value, null, 2);
  return (
    <div className="recipe-json">
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard.writeText(json).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          data-testid="copy-json"
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <pre className="panel json-view" data-testid="recipe-json">
        {json}
      </pre>
      <label className="paste-label">
        {t("paste")}
        <textarea value={text} rows={5} placeholder='{"version": 1, "steps": [...]}' onChange={(event) => setText(event.target.value)} data-testid="paste-json" />
      </label>
      {error ? <p className="error-text">{error}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={text.trim() === ""}
          onClick={() => {
            let pasted: unknown;
            try {
              pasted = JSON.parse(text);
            } catch (reason) {
              setError(t("notJson", { reason: reason instanceof Error ? reason.message : String(reason) }));
              return;
            }
            if (typeof pasted !== "object" || pasted === null || Array.isArray(pasted) || !Array.isArray((pasted as { steps?: unknown }).steps)) {
              setError(t("notObject"));
              return;
            }
            onPaste(pasted as Record<string, unknown> & { steps: unknown[] });
            setError(null);
            setText("");
          }}
          data-testid="load-json"
        >
          {t("load")}
        </button>
      </div>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import type { AuthFormState } from "@/lib/contracts/auth-forms";

interface AuthFormProps {
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  fields: { name: string; label: string; type: "email" | "password"; autoComplete: string }[];
  submitLabel: string;
  next?: string;
}

/** One form for sign-in, sign-up, reset and new password: fields, a submit button and the action's answer. */
export function AuthForm({ action, fields, submitLabel, next }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      {state.error ? <div className="notice error" role="alert">{state.error}</div> : null}
      {state.notice ? <div className="notice" role="status">{state.notice}</div> : null}
      {fields.map((field) => (
        <label key={field.name}>
          {field.label}
          <input name={field.name} type={field.type} autoComplete={field.autoComplete} required />
        </label>
      ))}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button className="button primary" type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

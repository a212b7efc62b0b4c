import { z } from "zod";

export const credentialsSchema = z.object({
  email: z.string().trim().email("Enter a valid email address.").max(320),
  password: z.string().min(8, "The password needs at least 8 characters.").max(200),
  next: z.string().max(2000).optional(),
});

export const resetRequestSchema = z.object({ email: z.string().trim().email("Enter a valid email address.").max(320) });

export const newPasswordSchema = z.object({ password: credentialsSchema.shape.password });

/** What an auth form shows after submitting: an error or a notice. */
export type AuthFormState = { error?: string; notice?: string };

import { z } from "zod";

export const loginSchema = z.object({
  username: z.string().trim().min(1, "login.required.username").max(64, "login.invalid"),
  password: z.string().min(1, "login.required.password").max(200, "login.invalid"),
  redirectTo: z.string().max(2000).optional(),
});

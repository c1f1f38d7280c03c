// npm run setup, first step: gives this checkout its own random session secret and ID
// number key (prisma/data/local-secrets.json, never committed), so `npm start` runs in
// production mode from a fresh clone without a shared default. Values set in the
// environment always win.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./schema-engine.ts";

const file = path.join(projectRoot, "prisma", "data", "local-secrets.json");
if (existsSync(file)) {
  console.log("Local secrets already exist.");
} else {
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ID_NUMBER_KEY: randomBytes(32).toString("hex"),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  console.log(
    `Wrote ${path.relative(projectRoot, file)} (keep it: it decrypts stored ID numbers).`,
  );
}

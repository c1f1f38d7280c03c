import { defineConfig } from "prisma/config";

// The CLI only generates the client here; migrations run through prisma/scripts (see README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "file:./prisma/data/jiangxin.db",
  },
});

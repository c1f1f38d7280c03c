// Each feature adds its part of the demo story here; they run in order inside the seed's
// one transaction, after the organisations, people, contests and honours exist.
import type { SeedExtension } from "./context";

export const SEED_EXTENSIONS: SeedExtension[] = [];

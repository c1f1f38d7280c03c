// Each feature adds its part of the demo story here; they run in order inside the seed's
// one transaction, after the organisations, people, contests and honours exist.
import type { SeedExtension } from "./context";
import { seedJudging } from "./judging";
import { seedLabour } from "./labour";
import { seedQuiz } from "./quiz";
import { seedHonours } from "./honours";

export const SEED_EXTENSIONS: SeedExtension[] = [seedJudging, seedLabour, seedQuiz, seedHonours];

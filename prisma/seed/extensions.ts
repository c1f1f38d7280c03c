// Each feature adds its part of the demo story here; they run in order inside the seed's
// one transaction, after the organisations, people, contests and honours exist.
import type { SeedExtension } from "./context";
import { seedJudging, seedRecheckDemo } from "./judging";
import { seedLabour } from "./labour";
import { seedQuiz } from "./quiz";
import { seedQuizCampaign } from "./quiz-campaign";
import { seedHonours } from "./honours";
import { seedFederations } from "./federations";

// The recheck demo comes last: it draws blind codes from the shared random stream, and the
// stories before it keep the values they always had.
export const SEED_EXTENSIONS: SeedExtension[] = [
  seedJudging,
  seedLabour,
  seedQuiz,
  seedQuizCampaign,
  seedHonours,
  seedFederations,
  seedRecheckDemo,
];

// Each module that runs on a thread of its own (startModuleThread), by the task it answers
// (isThreadFor): `npm run build` bundles each alone beside the server bundle as
// `<task>.thread.js` (build-threads.ts). A task missing here still runs, on the whole server
// bundle (startModuleThread falls back to it), so thread-modules.test.ts keeps this list whole.
export const THREAD_MODULES: Readonly<Record<string, string>> = {
  "jiangxin-roster-import": "app/models/roster-import.server.ts",
  "jiangxin-roster-check": "app/models/roster-check.server.ts",
  "jiangxin-export": "app/http/leaderboard-export.server.ts",
  "jiangxin-quiz-rescore": "app/models/quiz-rescore-scoring.server.ts",
};

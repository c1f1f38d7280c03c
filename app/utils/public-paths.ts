// Where a contest's public pages are. Contest pages, quiz pages, organisation pages and the
// admin lists all link to the same boards; their addresses are spelt here once, so a moved
// route or a code that needs escaping is one change, not one per page.

const code = (contestCode: string) => encodeURIComponent(contestCode);

export const publicPaths = {
  contest: (contestCode: string) => `/contests/${code(contestCode)}`,
  results: (contestCode: string) => `/results/${code(contestCode)}`,
  eventResults: (contestCode: string, eventCode: string) =>
    `/results/${code(contestCode)}/${encodeURIComponent(eventCode)}`,
  organisationResults: (contestCode: string, organisationId: number) =>
    `/results/${code(contestCode)}/org/${organisationId}`,
  labourBoard: (contestCode: string) => `/labour/${code(contestCode)}`,
  labourUnit: (contestCode: string, organisationId: number) =>
    `/labour/${code(contestCode)}/units/${organisationId}`,
  quiz: (quizId: number) => `/quiz/${quizId}`,
  quizBoard: (quizId: number) => `/quiz/${quizId}/leaderboard`,
  notice: (roundId: number) => `/honours/notices/${roundId}`,
} as const;

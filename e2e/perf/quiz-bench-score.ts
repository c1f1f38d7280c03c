// Child process of quiz-bench.ts: re-scores every attempt of the quiz through the app's own
// model (rescoreQuiz) and prints the elapsed time as JSON on the last line.
import { performance } from "node:perf_hooks";

const quizId = Number(process.argv[2] ?? "1");
const { rescoreQuiz } = await import("~/models/quiz.server");
const { disconnectDb } = await import("~/db.server");
const started = performance.now();
const { attempts } = await rescoreQuiz(quizId);
const ms = performance.now() - started;
await disconnectDb();
console.log(JSON.stringify({ attempts, ms }));

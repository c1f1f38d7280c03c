// Worker thread for seed-large: the ID numbers of the benchmark workers, encrypted and hashed
// exactly as the app stores them (AES-256-GCM + keyed hash, ~20 µs each), computed beside the
// main thread's SQL so the encryption does not add to the minute.
import { parentPort, workerData } from "node:worker_threads";
import { maskIdNumber, withIdCheckChar } from "../../app/domain/identity";
import { encryptIdNumber, hashIdNumber } from "../../app/utils/id-number-crypto.server";

const { from, to } = workerData as { from: number; to: number };
const base = Date.UTC(1970, 0, 1);
const cipher: string[] = [];
const hash: string[] = [];
const masked: string[] = [];
const gender: string[] = [];
const birth: string[] = [];
for (let id = from; id < to; id++) {
  const day = id % 10_950;
  const date = new Date(base + day * 86_400_000);
  const ymd = date.toISOString().slice(0, 10).replaceAll("-", "");
  const idNumber = withIdCheckChar(`610102${ymd}${String(Math.floor(id / 10_950)).padStart(3, "0")}`);
  cipher.push(encryptIdNumber(idNumber));
  hash.push(hashIdNumber(idNumber));
  masked.push(maskIdNumber(idNumber));
  gender.push(Number(idNumber[16]) % 2 === 1 ? "male" : "female");
  birth.push(date.toISOString().replace("Z", "+00:00"));
}
parentPort!.postMessage({ from, cipher, hash, masked, gender, birth });

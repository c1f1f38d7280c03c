// `npm run build`'s second step: each module that runs on a thread of its own
// (startModuleThread), bundled alone beside the server bundle as `<task>.thread.js`. Inside the
// server bundle `import.meta.url` is the whole server's, so a thread would load every route,
// React's server renderer and both Prisma clients to answer one task: about 85 MB of the
// process's memory per thread at its start, against 27 MB for the roster check alone and 58 MB
// for the roster import (thread start, loaded machine). node_modules stay outside, as in the
// server bundle; `~/` imports are the app's and go in.
import path from "node:path";
import { build } from "esbuild";
import { THREAD_MODULES } from "./thread-modules";


const out = process.env.JX_BUILD_NAME || "build";
await build({
  entryPoints: Object.fromEntries(
    Object.entries(THREAD_MODULES).map(([task, file]) => [`${task}.thread`, file]),
  ),
  outdir: path.resolve(out),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
  plugins: [
    {
      name: "node-modules-outside",
      setup(b) {
        b.onResolve({ filter: /^[^./~]/ }, (args) => ({ path: args.path, external: true }));
      },
    },
  ],
});
